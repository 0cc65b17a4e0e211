package fr.litiges.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the request bodies of the HTTP load run: one complaint of the realistic mix and a batch
 * of 1,000. Usage: {@code BenchInputs <output folder>}.
 */
public final class BenchInputs {
    private BenchInputs() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        JsonMapper json = JsonMapper.builder().build();
        var complaints = ComplaintMix.generate(1_000, 7);
        Files.writeString(out.resolve("complaint.json"), json.writeValueAsString(complaints.get(3)), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("batch-1000.json"), json.writeValueAsString(Map.of("complaints", complaints)), StandardCharsets.UTF_8);
        // The same 1,000 complaints one per line, for single requests (src/bench/mix.lua).
        StringBuilder lines = new StringBuilder();
        for (var complaint : complaints) {
            lines.append(json.writeValueAsString(complaint)).append('\n');
        }
        Files.writeString(out.resolve("singles-1000.jsonl"), lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + out.resolve("complaint.json") + ", " + out.resolve("batch-1000.json") + " and " + out.resolve("singles-1000.jsonl"));
    }
}
