package fr.litiges.impact;

import fr.litiges.decision.api.Complaint;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the complaints of a replay or report body: {@code {"complaints": [...]}} as JSON, or one
 * complaint a line as {@code application/x-ndjson}. An item or line that is not a complaint of the
 * contract (bad JSON, wrong type, unknown code, a field out of bounds) is counted, not thrown.
 */
public class ComplaintBatchReader {
    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final JsonMapper json;
    private final Validator validator;

    public ComplaintBatchReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * @param contentType the request's Content-Type; NDJSON when {@code application/x-ndjson}, JSON otherwise
     * @throws ReplayInputException when the body as a whole is unusable (400) or holds over 10,000 complaints (413)
     */
    public ComplaintBatch read(byte[] body, MediaType contentType) {
        return contentType != null && NDJSON.isCompatibleWith(contentType) ? readNdjson(body) : readJson(body);
    }

    ComplaintBatch readJson(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new ReplayInputException(HttpStatus.BAD_REQUEST, null,
                    "The body is not valid JSON; send {\"complaints\": [...]} or application/x-ndjson, one complaint a line");
        }
        JsonNode items = root == null || !root.isObject() ? null : root.get("complaints");
        if (items == null || !items.isArray()) {
            throw new ReplayInputException(HttpStatus.BAD_REQUEST, "complaints", "The body must be an object {\"complaints\": [...]}");
        }
        checkCount(items.size());
        List<Complaint> complaints = new ArrayList<>(items.size());
        int unreadable = 0;
        for (JsonNode item : items) {
            Complaint complaint = complaint(item);
            if (complaint == null) {
                unreadable++;
            } else {
                complaints.add(complaint);
            }
        }
        return new ComplaintBatch(complaints, unreadable);
    }

    ComplaintBatch readNdjson(byte[] body) {
        List<Complaint> complaints = new ArrayList<>();
        int unreadable = 0;
        int lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                if (lines > ImpactReplay.MAX_COMPLAINTS) {
                    checkCount(lines);
                }
                Complaint complaint;
                try {
                    complaint = complaint(json.readTree(line));
                } catch (JacksonException e) {
                    complaint = null;
                }
                if (complaint == null) {
                    unreadable++;
                } else {
                    complaints.add(complaint);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkCount(lines);
        return new ComplaintBatch(complaints, unreadable);
    }

    private static void checkCount(int count) {
        if (count == 0) {
            throw new ReplayInputException(HttpStatus.BAD_REQUEST, "complaints", "No complaint: send 1 to " + ImpactReplay.MAX_COMPLAINTS);
        }
        if (count > ImpactReplay.MAX_COMPLAINTS) {
            throw new ReplayInputException(HttpStatus.CONTENT_TOO_LARGE, "complaints",
                    "At most " + ImpactReplay.MAX_COMPLAINTS + " complaints in one request; this one holds more");
        }
    }

    /** The complaint, or null when the item is not one the contract accepts. */
    private Complaint complaint(JsonNode item) {
        if (item == null || !item.isObject()) {
            return null;
        }
        try {
            Complaint complaint = json.treeToValue(item, Complaint.class);
            return validator.validate(complaint).isEmpty() ? complaint : null;
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }
}
