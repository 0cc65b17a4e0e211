package fr.litiges.decision;

import fr.litiges.decision.api.Complaint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;

/** Reads complaints written as the CRM sends them. */
public final class Complaints {
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private Complaints() {
    }

    public static Complaint fromResource(String resource) {
        try (InputStream in = Complaints.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return JSON.readValue(in, Complaint.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Complaint fromJson(String json) {
        return JSON.readValue(json, Complaint.class);
    }
}
