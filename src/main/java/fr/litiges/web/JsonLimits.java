package fr.litiges.web;

import tools.jackson.core.StreamReadConstraints;

/**
 * Limits on what a request body may make the JSON parser do, whatever the endpoint: nesting
 * depth, length of a number (a 100,000-digit number is slow to parse), of a string and of a
 * property name. A body breaking one is a 400 like any malformed JSON.
 */
public final class JsonLimits {
    public static final int MAX_NESTING_DEPTH = 32;
    public static final int MAX_NUMBER_LENGTH = 40;
    /** Strings are bounded by the body limits (1 MiB, 16 MiB for a batch) and the contract sizes; this only caps the parser. */
    public static final int MAX_STRING_LENGTH = 20_000_000;
    public static final int MAX_NAME_LENGTH = 200;

    private JsonLimits() {
    }

    /** JVM-wide: applies to every JSON factory built afterwards. */
    public static void apply() {
        StreamReadConstraints.overrideDefaultStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
    }
}
