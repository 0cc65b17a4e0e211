package fr.litiges.bench;

import fr.litiges.decision.DecisionFailedException;
import fr.litiges.decision.DecisionProperties;
import fr.litiges.decision.DecisionService;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.RuleFolders;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes every decision of a fixed set of complaints, one JSON line each without what differs
 * between two runs (decisionId, evaluatedAt, the ruleset's version label), and prints their SHA-256: two builds that print
 * the same digest decided everything alike, trace included. The set: the realistic mix of the
 * benchmarks (1,000 complaints of seed 42 and 1,000 of seed 7, in French and in English, and
 * the first seed once more without its text) and every complaint of the evaluation sets, in
 * its own language. A decision that fails is written as its message. Run from the repository
 * root: {@code java -cp <bench classpath> fr.litiges.bench.DecisionDigest <output file> [without-hash]}; compare
 * two builds' files with diff. {@code without-hash} also leaves out the ruleset's content hash, for two builds whose
 * rule files differ only where no decision can see it (comments, an insert that was logical): the trace still
 * cites every rule's file and line.
 */
public final class DecisionDigest {
    private DecisionDigest() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/decisions.jsonl");
        boolean withoutHash = args.length > 1 && args[1].equals("without-hash");
        RulesetCompilation compilation = new RulesetCompiler().compile(new RuleFolders(Path.of("rules"), Path.of("decision-tables")));
        if (!compilation.succeeded()) {
            throw new IllegalStateException(compilation.problems().toString());
        }
        DecisionService decisions = new DecisionService(new ActiveRuleset(compilation.ruleset()), Clock.systemUTC(), new DecisionProperties(5000));
        JsonMapper json = JsonMapper.builder().build();
        List<Complaint> complaints = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (int seed : new int[] {42, 7}) {
            for (Complaint complaint : ComplaintMix.generate(1_000, seed)) {
                for (String language : new String[] {"fr", "en"}) {
                    complaints.add(complaint);
                    languages.add(language);
                }
            }
        }
        for (Complaint c : ComplaintMix.generate(1_000, 42)) {
            complaints.add(new Complaint(c.complaintId(), c.receivedOn(), "", c.reportedReasons(), c.customer(),
                    c.invoices(), c.order(), c.deliveries(), c.disputedAmount(), c.resolutionAttempts()));
            languages.add("fr");
        }
        try (Stream<Path> sets = Files.list(Path.of("src/test/resources/evaluation"))) {
            for (Path set : sets.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        JsonNode node = json.readTree(line);
                        complaints.add(json.treeToValue(node.get("complaint"), Complaint.class));
                        languages.add(node.get("lang").asString());
                    }
                }
            }
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < complaints.size(); i++) {
                String line;
                try {
                    Decision decision = decisions.decide(complaints.get(i), languages.get(i));
                    ObjectNode node = (ObjectNode) json.valueToTree(decision);
                    node.remove("decisionId");
                    node.remove("evaluatedAt");
                    // The version label carries the compilation's time; the hash says which files decided.
                    ((ObjectNode) node.get("ruleset")).remove("version");
                    if (withoutHash) {
                        ((ObjectNode) node.get("ruleset")).remove("hash");
                    }
                    line = json.writeValueAsString(node);
                } catch (DecisionFailedException e) {
                    line = "failed: " + e.getMessage();
                }
                writer.write(line);
                writer.write('\n');
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
        }
        System.out.println(complaints.size() + " decisions written to " + out + ", sha256 " + HexFormat.of().formatHex(sha.digest()));
    }
}
