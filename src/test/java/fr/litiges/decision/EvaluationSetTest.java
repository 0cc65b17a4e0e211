package fr.litiges.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Complaint;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The labelled evaluation set (src/test/resources/evaluation/complaints.jsonl: complaints as
 * CRM users write them, French and English) decided on the shipped rules. A complaint counts
 * as right when the primary sub-cause and the exact set of sub-causes found match the label.
 */
class EvaluationSetTest {
    private static final double REQUIRED_ACCURACY = 0.95;
    private static final double HOLD_OUT_FLOOR = 0.90;
    /** Measured at 67.5 % when the set was written; the floor catches a regression, the figure is printed. */
    private static final double BLIND_FLOOR = 0.60;

    private final DecisionService service = new DecisionService(new ActiveRuleset(ShippedRuleset.get()), Clock.systemUTC(),
            new DecisionProperties(5000));

    record Labelled(String id, String lang, SubCause expectedPrimary, Set<SubCause> expected, Complaint complaint) {
    }

    @Test
    void classifiesTheEvaluationSetAccurately() throws IOException {
        List<Labelled> set = read("/evaluation/complaints.jsonl");
        assertThat(set).hasSizeGreaterThanOrEqualTo(80);
        double accuracy = evaluate("Evaluation set", set);
        assertThat(accuracy).as("evaluation set accuracy").isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
    }

    /**
     * A second set (48 complaints) written by someone who saw neither the cue tables nor the first
     * set, in deliberately uncommon wording; its misses were then used to broaden the cue list, so it
     * is a tuning set now, not an unbiased measure (see the blind set).
     */
    @Test
    void holdOutSetStaysAccurateOnUnseenWording() throws IOException {
        List<Labelled> set = read("/evaluation/holdout.jsonl");
        double accuracy = evaluate("Held-out set", set);
        assertThat(accuracy).as("held-out accuracy").isGreaterThanOrEqualTo(HOLD_OUT_FLOOR);
    }

    /**
     * A third set, written blind (its author saw neither the cues nor the other sets) and run
     * once against the cue list tuned on the two sets above: the honest estimate of accuracy on
     * new wording. Do not tune cues on it; write a new blind set instead when this one has been used.
     */
    @Test
    void blindSetMeasuresAccuracyOnNewWording() throws IOException {
        List<Labelled> set = read("/evaluation/blind.jsonl");
        double accuracy = evaluate("Blind set", set);
        assertThat(accuracy).as("blind accuracy").isGreaterThanOrEqualTo(BLIND_FLOOR);
    }

    private double evaluate(String title, List<Labelled> set) {
        Map<SubCause, int[]> perSubCause = new EnumMap<>(SubCause.class);
        List<String> misses = new ArrayList<>();
        int right = 0;
        for (Labelled item : set) {
            Decision decision = service.decide(item.complaint(), item.lang());
            Set<SubCause> found = new LinkedHashSet<>();
            decision.classification().causes().forEach(c -> found.add(c.subCause()));
            boolean ok = decision.classification().subCause() == item.expectedPrimary() && found.equals(item.expected());
            if (ok) {
                right++;
            } else {
                misses.add(item.id() + " [" + item.lang() + "] expected " + item.expectedPrimary() + " " + new TreeSet<>(item.expected())
                        + ", found " + decision.classification().subCause() + " " + decision.classification().causes().stream()
                        .map(c -> c.subCause() + "/" + c.confidence() + c.evidence()).toList());
            }
            for (SubCause subCause : item.expected()) {
                int[] counts = perSubCause.computeIfAbsent(subCause, k -> new int[3]);
                counts[1]++;
                if (found.contains(subCause)) {
                    counts[0]++;
                }
            }
            for (SubCause subCause : found) {
                if (!item.expected().contains(subCause)) {
                    perSubCause.computeIfAbsent(subCause, k -> new int[3])[2]++;
                }
            }
        }
        double accuracy = (double) right / set.size();
        StringBuilder report = new StringBuilder(String.format("%n%s: %d/%d right (%.1f %%)%n", title, right, set.size(), 100 * accuracy));
        report.append(String.format("%-26s %8s %10s%n", "sub-cause", "found", "spurious"));
        perSubCause.forEach((subCause, c) -> report.append(String.format("%-26s %3d/%-4d %6d%n", subCause, c[0], c[1], c[2])));
        misses.forEach(miss -> report.append("  miss: ").append(miss).append('\n'));
        System.out.println(report);
        return accuracy;
    }

    private static List<Labelled> read(String resource) throws IOException {
        List<Labelled> set = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                EvaluationSetTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Complaints.JSON.readTree(line);
                Set<SubCause> expected = new LinkedHashSet<>();
                node.get("expectedSubCauses").forEach(s -> expected.add(SubCause.valueOf(s.asString())));
                set.add(new Labelled(node.get("id").asString(), node.get("lang").asString(),
                        SubCause.valueOf(node.get("expectedPrimary").asString()), expected,
                        Complaints.JSON.treeToValue(node.get("complaint"), Complaint.class)));
            }
        }
        return set;
    }
}
