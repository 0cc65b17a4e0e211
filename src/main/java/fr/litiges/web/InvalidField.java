package fr.litiges.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** One bad field of a request: its JSON path relative to the complaint, and what is wrong with it. */
@Schema(name = "InvalidField", description = "A field that does not match the contract")
record InvalidField(
        @Schema(description = "JSON path of the field, e.g. invoices[0].amount; absent when the whole value is wrong", example = "customer.type")
        String field,
        @Schema(description = "What is wrong with it", example = "'ALIEN' is not an allowed code; allowed codes: BUSINESS, CONSUMER")
        String message) {
}
