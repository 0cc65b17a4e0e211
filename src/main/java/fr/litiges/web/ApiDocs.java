package fr.litiges.web;

/** Texts shared by the OpenAPI annotations of the controllers. */
final class ApiDocs {
    static final String PROBLEM = "application/problem+json";
    static final String BAD_REQUEST = "Malformed JSON, a wrong type, a missing required field, an unknown code or an out-of-range value; errors[] gives each field's JSON path";
    static final String TOO_LARGE_1MIB = "The body is over 1 MiB";
    static final String TOO_LARGE_16MIB = "The body is over 16 MiB";
    static final String UNSUPPORTED = "The body is not application/json";
    static final String FAILED = "The rules failed on this complaint (the ruleset is at fault, not the complaint)";
    static final String INTERNAL = "Unexpected server error";
    static final String ACCEPT_LANGUAGE = "Language of the decision's texts: fr when French is preferred, otherwise en";

    private ApiDocs() {
    }
}
