package fr.litiges.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second reader: a statistical reading of the customer's own words, learnt from the analysts'
 * labelled examples (causes.xlsx, sheet "Exemples"), for wording the concept and pattern rows do not
 * know. A linear model (multinomial logistic regression) over the analysed words the text tables'
 * analysis already gives (folded, stemmed, synonyms applied; numbers left out) and the concepts of the
 * tables those words are (pairs of adjacent words were measured too, and did not help), learnt to the unique
 * minimum of its regularised loss ({@link SecondReaderTraining}): the same examples, in any order, give the same
 * reader, and a concept no example's words express changes none of its opinions. It says which sub-cause (or NEEDS_REVIEW) the words most look like, how probable, by
 * how much over the second, and which words and examples weighed most; whether that counts is the
 * rules' decision (rules/second-reader.drl) with the thresholds of the sheet "Second lecteur".
 * Immutable and thread-safe.
 */
public final class SecondReader {
    /** What the reader can answer: the sub-causes words can name, and NEEDS_REVIEW (a text that accuses nothing clear). */
    public static final List<String> ANSWERS = List.of("DUPLICATE_INVOICE", "PRICE_DISAGREEMENT", "INVOICED_BEFORE_DELIVERY",
            "INCOMPLETE_DELIVERY", "ORDER_MISMATCH", "DEFECTIVE_PRODUCT", "UNSATISFACTORY_SERVICE", "CASH_FLOW_DIFFICULTY", "NEEDS_REVIEW");
    public static final String PROPOSE = "PROPOSER";
    public static final String CONTRADICT = "CONTREDIRE";

    /** A reader that has no opinion: a ruleset without the sheet "Exemples". */
    public static final SecondReader NONE = new SecondReader(null, List.of(), null, null, Options.DEFAULT);

    /**
     * The weight of the L2 penalty and concepts as features, the model's fixed settings (not policy), chosen by
     * cross-validation of the reader alone (docs/guide-analyste.md); and when the learning stops: no component of
     * the gradient above the tolerance, or the cap of steps.
     */
    record Options(double decay, boolean concepts, double tolerance, int iterations) {
        static final Options DEFAULT = new Options(1e-4, true, 1e-7, 2000);
    }

    /** A labelled example: its row, ID, expected answer and text. */
    public record Example(int row, String id, String subCause, String text) {
    }

    /** A threshold row of the sheet "Second lecteur": the minimum probability and margin for one use. */
    public record Threshold(String use, double probability, double margin, PatternMatch.TableRow row) {
    }

    /**
     * What the reader makes of one text.
     *
     * @param probability of {@code subCause}, 0 to 1
     * @param margin      its probability minus the second answer's
     * @param words       the customer's words that weighed most for it, as written
     * @param examples    the IDs of the examples of that answer closest in those words
     */
    public record Opinion(String subCause, double probability, String second, double margin, List<String> words, List<String> examples) {
        public Opinion {
            words = List.copyOf(words);
            examples = List.copyOf(examples);
        }
    }

    private final TextRules analysis;
    private final List<Example> examples;
    private final Threshold propose;
    private final Threshold contradict;
    private final Options options;
    private final Map<String, Integer> features = new HashMap<>();
    /** weights[answer][feature], bias[answer]. */
    private final double[][] weights;
    private final double[] bias;
    /** postings[answer][feature]: the examples of that answer holding the feature (indices into {@link #examples}). */
    private final int[][][] postings;
    private final int[] answerOf;
    /** How the learning ended (steps, largest component of the gradient left). */
    private final SecondReaderTraining.Model model;

    SecondReader(TextRules analysis, List<Example> examples, Threshold propose, Threshold contradict, Options options) {
        this.analysis = analysis == null ? TextRules.EMPTY : analysis;
        this.examples = List.copyOf(examples);
        this.propose = propose;
        this.contradict = contradict;
        this.options = options;
        int n = this.examples.size();
        int[][] x = new int[n][];
        answerOf = new int[n];
        List<List<Integer>> holders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Example example = this.examples.get(i);
            answerOf[i] = ANSWERS.indexOf(example.subCause());
            Set<String> found = featuresOf(example.text()).keySet();
            int[] ids = new int[found.size()];
            int k = 0;
            for (String feature : found) {
                Integer id = features.get(feature);
                if (id == null) {
                    id = features.size();
                    features.put(feature, id);
                    holders.add(new ArrayList<>());
                }
                holders.get(id).add(i);
                ids[k++] = id;
            }
            x[i] = ids;
        }
        postings = new int[ANSWERS.size()][holders.size()][];
        for (int f = 0; f < holders.size(); f++) {
            for (int a = 0; a < ANSWERS.size(); a++) {
                int answer = a;
                postings[a][f] = holders.get(f).stream().filter(i -> answerOf[i] == answer).mapToInt(Integer::intValue).toArray();
            }
        }
        String[] names = new String[features.size()];
        features.forEach((name, id) -> names[id] = name);
        model = SecondReaderTraining.learn(ANSWERS.size(), names, x, answerOf, options.decay(), options.tolerance(), options.iterations());
        weights = model.weights();
        bias = model.bias();
    }

    /** True when the ruleset has examples to read with. */
    public boolean reads() {
        return !examples.isEmpty();
    }

    public int exampleCount() {
        return examples.size();
    }

    public Threshold propose() {
        return propose;
    }

    public Threshold contradict() {
        return contradict;
    }

    /** A reader of the same analysis and thresholds learnt from other examples (cross-validation). */
    public SecondReader learntFrom(List<Example> others) {
        return new SecondReader(analysis, others, propose, contradict, options);
    }

    /** The same reader held to other thresholds (to measure them: the shipped ones are the sheet's). */
    public SecondReader withThresholds(double proposeProbability, double proposeMargin, double contradictProbability, double contradictMargin) {
        return new SecondReader(this, new Threshold(PROPOSE, proposeProbability, proposeMargin, propose.row()),
                new Threshold(CONTRADICT, contradictProbability, contradictMargin, contradict.row()));
    }

    /** A copy with other thresholds: the same learnt weights. */
    private SecondReader(SecondReader learnt, Threshold propose, Threshold contradict) {
        this.analysis = learnt.analysis;
        this.examples = learnt.examples;
        this.propose = propose;
        this.contradict = contradict;
        this.options = learnt.options;
        this.features.putAll(learnt.features);
        this.weights = learnt.weights;
        this.bias = learnt.bias;
        this.postings = learnt.postings;
        this.answerOf = learnt.answerOf;
        this.model = learnt.model;
    }

    SecondReader withOptions(Options other) {
        return new SecondReader(analysis, examples, propose, contradict, other);
    }

    public List<Example> examples() {
        return examples;
    }

    // ------------------------------------------------------------------ learning

    /** How the learning ended: its steps and the largest component of the gradient left (near 0 at the minimum). */
    SecondReaderTraining.Model learning() {
        return model;
    }

    private void probabilities(int[] ids, double value, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < p.length; a++) {
            double s = bias[a];
            double[] w = weights[a];
            for (int f : ids) {
                s += w[f] * value;
            }
            p[a] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int a = 0; a < p.length; a++) {
            p[a] = Math.exp(p[a] - max);
            sum += p[a];
        }
        for (int a = 0; a < p.length; a++) {
            p[a] /= sum;
        }
    }

    // ------------------------------------------------------------------ reading

    /** The features of an example's text, each with where it is first written: its analysed words (numbers left out) and their concepts. */
    private Map<String, int[]> featuresOf(String text) {
        CustomerWords.Tokens tokens = analysis.analysedOwnWords(text);
        Map<String, int[]> found = new java.util.LinkedHashMap<>();
        for (int t = 0; t < tokens.size; t++) {
            int[] span = {tokens.starts[t], tokens.ends[t]};
            // Numbers (invoice numbers, quantities) are the customer's particulars, not wording: their concept counts, not their value.
            if (!TextRules.Builder.isNumber(tokens.terms[t])) {
                found.putIfAbsent(tokens.terms[t], span);
            }
            if (options.concepts()) {
                analysis.conceptsOf(tokens.tags[t], code -> found.putIfAbsent(CONCEPT + code, span));
            }
        }
        return found;
    }

    /** Concept features are named by the concept's code after this mark, which no analysed word starts with. */
    private static final String CONCEPT = "#";

    /** The concept features of a word's tag (its concept entries), looked up once per tag. */
    private int[] conceptFeatures(Object tag) {
        if (tag == null || !options.concepts()) {
            return NO_FEATURES;
        }
        int[] known = conceptFeatures.get(tag);
        // looked up first: computeIfAbsent would make its function object at every word
        return known != null ? known : conceptFeatures.computeIfAbsent(tag, t -> {
            List<Integer> ids = new ArrayList<>();
            analysis.conceptsOf(t, code -> {
                Integer id = features.get(CONCEPT + code);
                if (id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            });
            return ids.isEmpty() ? NO_FEATURES : ids.stream().mapToInt(Integer::intValue).toArray();
        });
    }

    private static final int[] NO_FEATURES = new int[0];
    /** By the identity of the tables' tags (arrays of concept entries, made once per ruleset). */
    private final Map<Object, int[]> conceptFeatures = new java.util.concurrent.ConcurrentHashMap<>();

    /** The reader's opinion of a text, or null when it reads nothing (no examples, or no word it has learnt). */
    public Opinion read(String text) {
        if (examples.isEmpty() || text == null || text.isBlank()) {
            return null;
        }
        return opinionOf(analysis.analyse(text));
    }

    /** The same, on words the patterns' tables already analysed (one analysis per decision). */
    public Opinion opinionOf(TextRules.Analysed analysed) {
        if (examples.isEmpty() || analysed.tokens == null) {
            return null;
        }
        // words analysed by other tables than the reader's are read again with its own
        CustomerWords.Tokens tokens = analysed.by == analysis ? analysed.tokens : analysis.analysedOwnWords(analysed.text);
        // Each known feature once, with the first word that gave it.
        Scratch scratch = this.scratch.get();
        int generation = scratch.next();
        int[] ids = new int[Math.min(features.size(), tokens.size * 2 + 4)];
        int[] words = new int[ids.length];
        int known = 0;
        for (int t = 0; t < tokens.size; t++) {
            Integer id = features.get(tokens.terms[t]);
            int[] concepts = conceptFeatures(tokens.tags[t]);
            if (known + 1 + concepts.length > ids.length) {
                ids = Arrays.copyOf(ids, (known + 1 + concepts.length) * 2);
                words = Arrays.copyOf(words, ids.length);
            }
            if (id != null && scratch.seen[id] != generation) {
                scratch.seen[id] = generation;
                ids[known] = id;
                words[known++] = t;
            }
            for (int concept : concepts) {
                if (scratch.seen[concept] != generation) {
                    scratch.seen[concept] = generation;
                    ids[known] = concept;
                    words[known++] = t;
                }
            }
        }
        if (known == 0) {
            return null;
        }
        ids = Arrays.copyOf(ids, known);
        double value = 1 / Math.sqrt(known);
        double[] p = new double[ANSWERS.size()];
        probabilities(ids, value, p);
        int first = 0;
        int second = -1;
        for (int a = 1; a < p.length; a++) {
            if (p[a] > p[first]) {
                second = first;
                first = a;
            } else if (second < 0 || p[a] > p[second]) {
                second = a;
            }
        }
        // What made the first answer win over the second: the (at most 5) features of largest share of the difference.
        double[] contribution = new double[known];
        for (int k = 0; k < known; k++) {
            contribution[k] = (weights[first][ids[k]] - weights[second][ids[k]]) * value;
        }
        int[] top = new int[Math.min(5, known)];
        int chosen = 0;
        boolean[] taken = new boolean[known];
        while (chosen < top.length) {
            int best = -1;
            for (int k = 0; k < known; k++) {
                if (!taken[k] && contribution[k] > 0 && (best < 0 || contribution[k] > contribution[best])) {
                    best = k;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            top[chosen++] = best;
        }
        Set<String> quoted = new LinkedHashSet<>();
        for (int i = 0; i < chosen && quoted.size() < 3; i++) {
            int t = words[top[i]];
            quoted.add(TextRules.oneLine(analysed.text, tokens.starts[t], tokens.ends[t]));
        }
        return new Opinion(ANSWERS.get(first), p[first], ANSWERS.get(second), p[first] - p[second], List.copyOf(quoted),
                closestExamples(first, Arrays.copyOf(top, chosen), ids, contribution));
    }

    /** The (at most two) examples of the answer that hold the most of the weightiest features, in weight; the first in the sheet on a tie. */
    private List<String> closestExamples(int answer, int[] top, int[] ids, double[] contribution) {
        Scratch scratch = this.scratch.get();
        int generation = scratch.next();
        int best = -1;
        int next = -1;
        for (int k : top) {
            for (int example : postings[answer][ids[k]]) {
                if (scratch.scored[example] != generation) {
                    scratch.scored[example] = generation;
                    scratch.score[example] = 0;
                }
                scratch.score[example] += contribution[k];
            }
        }
        for (int k : top) {
            for (int e : postings[answer][ids[k]]) {
                if (e == best || e == next) {
                    continue;
                }
                double score = scratch.score[e];
                if (best < 0 || score > scratch.score[best] || score == scratch.score[best] && e < best) {
                    next = best;
                    best = e;
                } else if (next < 0 || score > scratch.score[next] || score == scratch.score[next] && e < next) {
                    next = e;
                }
            }
        }
        List<String> closest = new ArrayList<>(2);
        if (best >= 0) {
            closest.add(examples.get(best).id());
        }
        if (next >= 0) {
            closest.add(examples.get(next).id());
        }
        return closest;
    }

    /** Per-thread marks, so that reading a text allocates nothing in proportion to the examples or the features. */
    private final class Scratch {
        final int[] seen = new int[features.size()];
        final int[] scored = new int[examples.size()];
        final double[] score = new double[examples.size()];
        int generation;

        int next() {
            if (++generation == 0) {
                java.util.Arrays.fill(seen, 0);
                java.util.Arrays.fill(scored, 0);
                generation = 1;
            }
            return generation;
        }
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
}
