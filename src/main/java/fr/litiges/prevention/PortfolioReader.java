package fr.litiges.prevention;

import fr.litiges.prevention.api.PreventionRequest;
import fr.litiges.web.ApiProblems.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and checks portfolios: one request body and every batch item get the same checks and paths. */
class PortfolioReader {
    private final JsonMapper json;
    private final Validator validator;

    PortfolioReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** @throws tools.jackson.core.JacksonException when a value has the wrong type or an unknown code */
    PreventionRequest read(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw new PortfolioViolations("The portfolio must be a JSON object", List.of(new FieldError(null, "must be a JSON object")));
        }
        PreventionRequest request = json.treeToValue(item, PreventionRequest.class);
        check(request);
        return request;
    }

    void check(PreventionRequest request) {
        List<FieldError> errors = validator.validate(request).stream()
                .map(PortfolioReader::toFieldError)
                .sorted(Comparator.comparing(FieldError::field, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(FieldError::message))
                .toList();
        if (!errors.isEmpty()) {
            throw new PortfolioViolations(errors.size() == 1
                    ? "The portfolio does not match the contract: " + errors.get(0).field() + " " + errors.get(0).message()
                    : "The portfolio does not match the contract: " + errors.size() + " invalid fields", errors);
        }
        try {
            PreventionService.checkPlannable(request);
        } catch (InvalidPortfolioException e) {
            throw new PortfolioViolations("The portfolio cannot be planned as sent: " + e.field() + " " + e.getMessage(),
                    List.of(new FieldError(e.field(), e.getMessage())));
        }
    }

    /** Hibernate Validator writes list elements as {@code invoices[0].<list element>}; the client knows {@code invoices[0]}. */
    private static FieldError toFieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", "");
        return new FieldError(path.isEmpty() ? null : path, violation.getMessage());
    }
}
