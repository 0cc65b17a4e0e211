package fr.litiges.web;

import fr.litiges.decision.api.Complaint;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks complaints against the contract. The single endpoints and every batch item go
 * through the same checks, so the same fault yields the same field paths and messages.
 */
@Component
class ComplaintReader {
    private final JsonMapper jsonMapper;
    private final Validator validator;

    ComplaintReader(JsonMapper jsonMapper, Validator validator) {
        this.jsonMapper = jsonMapper;
        this.validator = validator;
    }

    /**
     * A batch item: converted with the application's mapper (same rules as a request body) and checked.
     *
     * @throws tools.jackson.core.JacksonException when a value has the wrong type or an unknown code
     * @throws InvalidRequestException             when the complaint breaks a contract rule
     */
    Complaint read(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw InvalidRequestException.wholeComplaint("must be a JSON object");
        }
        Complaint complaint = jsonMapper.treeToValue(item, Complaint.class);
        check(complaint);
        return complaint;
    }

    /** @throws InvalidRequestException with every bad field, sorted by path, when the complaint breaks a rule */
    void check(Complaint complaint) {
        // One entry per field: a value may break two checks at once (over the maximum and too many digits).
        Map<String, String> messages = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        validator.validate(complaint).stream()
                .map(ComplaintReader::toInvalidField)
                .sorted(Comparator.comparing(InvalidField::message))
                .forEach(error -> messages.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
        List<InvalidField> errors = messages.entrySet().stream().map(e -> new InvalidField(e.getKey(), e.getValue())).toList();
        if (!errors.isEmpty()) {
            throw InvalidRequestException.complaint(errors);
        }
    }

    /**
     * The JSON path of a violation: Hibernate Validator writes list elements as
     * {@code reportedReasons[0].<list element>}; the client knows them as {@code reportedReasons[0]}.
     */
    private static InvalidField toInvalidField(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", "");
        return new InvalidField(path.isEmpty() ? null : path, violation.getMessage());
    }
}
