package fr.litiges.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of {@code /validate} for a complaint that matches the contract. */
@Schema(description = "The complaint matches the contract")
record ValidationResult(@Schema(example = "true") boolean valid) {
    static final ValidationResult VALID = new ValidationResult(true);
}
