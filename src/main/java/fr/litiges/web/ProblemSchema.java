package fr.litiges.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Documentation only: the RFC 9457 problem every error response carries (as application/problem+json). */
@Schema(name = "ProblemDetail", description = "An RFC 9457 problem")
record ProblemSchema(
        @Schema(description = "Problem type, a URI relative to the API", example = "/problems/invalid-complaint") String type,
        @Schema(example = "Invalid complaint") String title,
        @Schema(example = "400") int status,
        @Schema(description = "What went wrong, for a human", example = "The complaint does not match the contract: customer.type must not be null") String detail,
        @Schema(description = "The request path", example = "/api/v1/decisions") String instance,
        @Schema(description = "For validation errors: every bad field, by JSON path") List<InvalidField> errors,
        @Schema(description = "503 only: the same as the Retry-After header, in seconds", minimum = "1", example = "5") Integer retryAfterSeconds,
        @Schema(description = "409 of ruleset versions only: the version active now, on which to upload the change again") String activeVersion) {
}
