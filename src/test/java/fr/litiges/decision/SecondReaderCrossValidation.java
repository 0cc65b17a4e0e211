package fr.litiges.decision;

import fr.litiges.decision.api.Codes.SubCause;
import fr.litiges.decision.api.Decision;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.text.SecondReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Chooses the second reader's thresholds honestly (docs/guide-analyste.md, "Le second lecteur"): the
 * examples of causes.xlsx "Exemples" (the tuning sets' texts) in k folds drawn from a fixed seed; each
 * fold is decided by the whole decision service with a reader learnt from the other folds only, so a
 * text is never read by a reader that learnt it. Prints the figures (right / abstained / wrong) of the
 * words alone and of the words with the reader, for a grid of thresholds, and the reader alone.
 * A measuring tool run by hand, not a test:
 * {@code java -cp target/classes:target/test-classes:<test classpath> fr.litiges.decision.SecondReaderCrossValidation [folds] [seed]}
 */
public final class SecondReaderCrossValidation {
    private static final List<String> SETS = List.of("complaints", "holdout", "blind", "blind-2", "blind-3", "paraphrases", "examples-1", "examples-2");

    record Item(EvaluationSetTest.Labelled labelled, int fold) {
    }

    /** One held-out text: the words-only decision and the opinion of the reader learnt without its fold. */
    record Case(Item item, SubCause wordsPrimary, Set<SubCause> wordsFound, boolean nothingFound, boolean wordsOnly, SecondReader.Opinion opinion) {
    }

    record Score(int right, int abstained, int wrong, int extra) {
        @Override
        public String toString() {
            int n = right + abstained + wrong + extra;
            return String.format("%d/%d right (%.1f %%), %d abstained (%.1f %%), %d wrong (%.1f %%), %d extra", right, n, 100.0 * right / n,
                    abstained, 100.0 * abstained / n, wrong, 100.0 * wrong / n, extra);
        }
    }

    public static void main(String[] args) throws Exception {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 23;
        Ruleset shipped = ShippedRuleset.get();
        SecondReader full = shipped.secondReader();
        Map<String, SecondReader.Example> byText = new HashMap<>();
        full.examples().forEach(e -> byText.put(e.text(), e));
        List<EvaluationSetTest.Labelled> all = new ArrayList<>();
        for (String set : SETS) {
            all.addAll(EvaluationSetTest.read("/evaluation/" + set + ".jsonl"));
        }
        List<EvaluationSetTest.Labelled> labelled = all.stream()
                .filter(l -> l.complaint().text() != null && byText.containsKey(l.complaint().text())).toList();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < labelled.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        Item[] items = new Item[labelled.size()];
        for (int r = 0; r < order.size(); r++) {
            items[order.get(r)] = new Item(labelled.get(order.get(r)), r % k);
        }
        System.out.printf("%d examples in the sheet, %d complaints of the tuning sets matched, %d folds, seed %d%n",
                full.exampleCount(), items.length, k, seed);

        DecisionService wordsOnly = service(shipped.withSecondReader(SecondReader.NONE));
        List<SecondReader> readers = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int fold = f;
            Set<String> held = new java.util.HashSet<>();
            for (Item item : items) {
                if (item.fold() == fold) {
                    held.add(item.labelled().complaint().text());
                }
            }
            readers.add(full.learntFrom(full.examples().stream().filter(e -> !held.contains(e.text())).toList()));
        }
        List<Case> cases = new ArrayList<>();
        int readerRight = 0;
        for (Item item : items) {
            Decision d = wordsOnly.decide(item.labelled().complaint(), item.labelled().lang());
            Set<SubCause> found = new LinkedHashSet<>();
            boolean onlyWords = !d.classification().causes().isEmpty();
            for (Decision.CauseFound c : d.classification().causes()) {
                found.add(c.subCause());
                onlyWords &= c.evidence().stream().allMatch(e -> e.startsWith("Customer wrote "));
            }
            boolean nothing = found.equals(Set.of(SubCause.NEEDS_REVIEW)) && !onlyWords;
            SecondReader.Opinion opinion = readers.get(item.fold()).read(item.labelled().complaint().text());
            cases.add(new Case(item, d.classification().subCause(), found, nothing, onlyWords, opinion));
            if (opinion != null && opinion.subCause().equals(item.labelled().expectedPrimary().name())) {
                readerRight++;
            }
        }
        System.out.printf("reader alone (its first answer, held-out folds): %d/%d (%.1f %%)%n", readerRight, cases.size(), 100.0 * readerRight / cases.size());
        Score words = simulate(cases, 2, 2, 2, 2, false);
        System.out.println("words only (decision service, no reader): " + words);

        double[] probabilities = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95};
        double[] margins = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        System.out.println("\nPROPOSER only (contradiction off):");
        double[] bestPropose = {2, 2};
        Score best = words;
        for (double p : probabilities) {
            for (double m : margins) {
                Score s = simulate(cases, p, m, 2, 2, false);
                System.out.printf("  p>=%.2f m>=%.2f  %s%n", p, m, s);
                if (s.wrong() <= words.wrong() && s.right() > best.right()) {
                    best = s;
                    bestPropose = new double[] {p, m};
                }
            }
        }
        System.out.printf("best PROPOSER without more wrong: %.2f / %.2f -> %s%n", bestPropose[0], bestPropose[1], best);
        for (boolean review : new boolean[] {false, true}) {
            System.out.println("\nCONTREDIRE (PROPOSER at the best above), reader's NEEDS_REVIEW counts as a contradiction: " + review);
            for (double p : probabilities) {
                for (double m : margins) {
                    Score s = simulate(cases, bestPropose[0], bestPropose[1], p, m, review);
                    System.out.printf("  p>=%.2f m>=%.2f  %s%n", p, m, s);
                }
            }
        }
        for (boolean review : new boolean[] {true, false}) {
            System.out.println("\nBoth rows together, the reader's NEEDS_REVIEW counts as a contradiction: " + review + (review ? " (as in rules/second-reader.drl)" : "")
                    + "; for each number of wrong causes, the most right answers, at the highest thresholds that give them");
            Map<Integer, double[]> front = new java.util.TreeMap<>();
            Map<Integer, Score> frontScore = new HashMap<>();
            for (int a = probabilities.length - 1; a >= 0; a--) {
                for (int b = margins.length - 1; b >= 0; b--) {
                    for (int c = probabilities.length - 1; c >= 0; c--) {
                        for (int d = margins.length - 1; d >= 0; d--) {
                            Score s = simulate(cases, probabilities[a], margins[b], probabilities[c], margins[d], review);
                            Score was = frontScore.get(s.wrong());
                            if (was == null || s.right() > was.right()) {
                                frontScore.put(s.wrong(), s);
                                front.put(s.wrong(), new double[] {probabilities[a], margins[b], probabilities[c], margins[d]});
                            }
                        }
                    }
                }
            }
            int bestRight = -1;
            for (Map.Entry<Integer, double[]> e : front.entrySet()) {
                Score s = frontScore.get(e.getKey());
                if (s.right() <= bestRight) {
                    continue; // more wrong causes for no more right answers
                }
                bestRight = s.right();
                double[] t = e.getValue();
                System.out.printf("  PROPOSER %.2f/%.2f CONTREDIRE %.2f/%.2f  %s%n", t[0], t[1], t[2], t[3], s);
            }
        }
        if (args.length > 5) {
            double pp = Double.parseDouble(args[2]);
            double pm = Double.parseDouble(args[3]);
            double cp = Double.parseDouble(args[4]);
            double cm = Double.parseDouble(args[5]);
            System.out.println("\nsimulated at " + pp + "/" + pm + ", " + cp + "/" + cm + ": " + simulate(cases, pp, pm, cp, cm, true));
            // The same thresholds through the whole decision service and rules/second-reader.drl, fold by fold.
            int right = 0, abstained = 0, wrong = 0, extra = 0;
            List<DecisionService> services = new ArrayList<>();
            for (SecondReader reader : readers) {
                services.add(service(shipped.withSecondReader(reader.withThresholds(pp, pm, cp, cm))));
            }
            for (Item item : items) {
                Decision d = services.get(item.fold()).decide(item.labelled().complaint(), item.labelled().lang());
                Set<SubCause> found = new LinkedHashSet<>();
                d.classification().causes().forEach(c -> found.add(c.subCause()));
                int outcome = outcome(item.labelled(), d.classification().subCause(), found);
                if (outcome == 0) right++; else if (outcome == 1) abstained++; else if (outcome == 2) wrong++; else extra++;
            }
            System.out.println("decision service with the fold's reader: " + new Score(right, abstained, wrong, extra));
        }
    }

    private static DecisionService service(Ruleset ruleset) {
        return new DecisionService(new ActiveRuleset(ruleset), Clock.systemUTC(), new DecisionProperties(5000, java.time.Duration.ofSeconds(30)));
    }

    /** The policy of rules/second-reader.drl applied to the words-only decision and the fold reader's opinion. */
    static Score simulate(List<Case> cases, double pp, double pm, double cp, double cm, boolean reviewContradicts) {
        int right = 0, abstained = 0, wrong = 0, extra = 0;
        for (Case c : cases) {
            SubCause primary = c.wordsPrimary();
            Set<SubCause> found = c.wordsFound();
            SecondReader.Opinion o = c.opinion();
            if (o != null && c.nothingFound() && !o.subCause().equals("NEEDS_REVIEW") && o.probability() >= pp && o.margin() >= pm) {
                primary = SubCause.valueOf(o.subCause());
                found = Set.of(primary);
            } else if (o != null && c.wordsOnly() && o.probability() >= cp && o.margin() >= cm
                    && (reviewContradicts || !o.subCause().equals("NEEDS_REVIEW"))
                    && found.stream().noneMatch(s -> s.name().equals(o.subCause()))) {
                primary = SubCause.NEEDS_REVIEW;
                found = Set.of(SubCause.NEEDS_REVIEW);
            }
            int outcome = outcome(c.item().labelled(), primary, found);
            if (outcome == 0) right++; else if (outcome == 1) abstained++; else if (outcome == 2) wrong++; else extra++;
        }
        return new Score(right, abstained, wrong, extra);
    }

    /** 0 right, 1 abstained, 2 wrong primary cause, 3 right primary with a sub-cause too many or too few (as EvaluationSetTest counts). */
    private static int outcome(EvaluationSetTest.Labelled item, SubCause primary, Set<SubCause> found) {
        if (primary == item.expectedPrimary() && found.equals(item.expected())) {
            return 0;
        }
        if (primary == SubCause.NEEDS_REVIEW) {
            return 1;
        }
        return primary == item.expectedPrimary() ? 3 : 2;
    }
}
