package fr.litiges.text;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How the second reader learns its weights: the unique minimum of the mean cross-entropy of the examples
 * plus an L2 penalty on every weight and bias (strictly convex, so one minimum only), reached by full-batch
 * L-BFGS with a backtracking line search until the largest component of the gradient is below a tolerance.
 *
 * <p>Why so: the learnt reader must be a function of the examples' labels and features alone, so that an
 * analyst's unrelated edit moves no decision. Every pass sees all the examples at once (no order of visit,
 * no seed), and the sums run in a canonical order (features by name, examples by answer then features), so
 * that the same examples, in any row order and whatever numbers the features got, give the same weights to
 * the last bit; a concept no example's words express adds no feature and changes nothing.
 */
final class SecondReaderTraining {
    /** Pairs of (step, change of gradient) remembered to shape the next direction. */
    private static final int MEMORY = 10;
    /** Sufficient decrease of the line search (Armijo). */
    private static final double ARMIJO = 1e-4;

    /** The learnt weights (by answer, by feature number of the caller), the biases, and how the optimisation ended. */
    record Model(double[][] weights, double[] bias, int iterations, double gradient) {
    }

    private final int answers;
    private final int width;
    /** The examples' features in canonical numbers, ascending; their answers; in canonical order. */
    private final int[][] rows;
    private final int[] labels;
    private final double decay;
    private final double[] scores;

    private SecondReaderTraining(int answers, int width, int[][] rows, int[] labels, double decay) {
        this.answers = answers;
        this.width = width;
        this.rows = rows;
        this.labels = labels;
        this.decay = decay;
        this.scores = new double[answers];
    }

    /**
     * Learns from the examples {@code x[i]} (feature numbers, each once) of answers {@code answerOf[i]}, features named
     * {@code names[f]}; an example without a feature teaches nothing and is left out.
     *
     * @param decay      the L2 penalty's weight (on the mean loss)
     * @param tolerance  stop when no component of the gradient exceeds it
     * @param iterations at most that many L-BFGS steps (a cap: convergence is expected well before)
     */
    static Model learn(int answers, String[] names, int[][] x, int[] answerOf, double decay, double tolerance, int iterations) {
        int width = names.length;
        Integer[] byName = new Integer[width];
        for (int f = 0; f < width; f++) {
            byName[f] = f;
        }
        Arrays.sort(byName, Comparator.comparing(f -> names[f]));
        int[] rank = new int[width];
        for (int r = 0; r < width; r++) {
            rank[byName[r]] = r;
        }
        int kept = 0;
        int[][] rows = new int[x.length][];
        int[] labels = new int[x.length];
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length == 0 || answerOf[i] < 0) {
                continue;
            }
            int[] row = new int[x[i].length];
            for (int k = 0; k < row.length; k++) {
                row[k] = rank[x[i][k]];
            }
            Arrays.sort(row);
            rows[kept] = row;
            labels[kept] = answerOf[i];
            order[kept] = kept;
            kept++;
        }
        int n = kept;
        Integer[] canonical = Arrays.copyOf(order, n);
        Arrays.sort(canonical, (a, b) -> labels[a] != labels[b] ? Integer.compare(labels[a], labels[b]) : Arrays.compare(rows[a], rows[b]));
        int[][] sortedRows = new int[n][];
        int[] sortedLabels = new int[n];
        for (int i = 0; i < n; i++) {
            sortedRows[i] = rows[canonical[i]];
            sortedLabels[i] = labels[canonical[i]];
        }
        SecondReaderTraining training = new SecondReaderTraining(answers, width, sortedRows, sortedLabels, decay);
        double[] theta = new double[answers * width + answers];
        int[] steps = {0};
        double gradient = n == 0 ? 0 : training.minimise(theta, tolerance, iterations, steps);
        double[][] weights = new double[answers][width];
        double[] bias = new double[answers];
        for (int a = 0; a < answers; a++) {
            for (int f = 0; f < width; f++) {
                weights[a][f] = theta[a * width + rank[f]];
            }
            bias[a] = theta[answers * width + a];
        }
        return new Model(weights, bias, steps[0], gradient);
    }

    /** The mean cross-entropy plus the penalty at {@code theta}, its gradient written into {@code gradient}. */
    private double evaluate(double[] theta, double[] gradient) {
        Arrays.fill(gradient, 0);
        int n = rows.length;
        int biases = answers * width;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int[] row = rows[i];
            double value = 1 / Math.sqrt(row.length);
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < answers; a++) {
                double s = 0;
                int offset = a * width;
                for (int c : row) {
                    s += theta[offset + c];
                }
                s = theta[biases + a] + s * value;
                scores[a] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int a = 0; a < answers; a++) {
                sum += Math.exp(scores[a] - max);
            }
            double logSum = max + Math.log(sum);
            loss += logSum - scores[labels[i]];
            for (int a = 0; a < answers; a++) {
                double d = (Math.exp(scores[a] - logSum) - (a == labels[i] ? 1 : 0)) / n;
                gradient[biases + a] += d;
                double dv = d * value;
                int offset = a * width;
                for (int c : row) {
                    gradient[offset + c] += dv;
                }
            }
        }
        loss /= n;
        double penalty = 0;
        for (int j = 0; j < theta.length; j++) {
            penalty += theta[j] * theta[j];
            gradient[j] += decay * theta[j];
        }
        return loss + decay / 2 * penalty;
    }

    /** L-BFGS from {@code theta} (updated in place); returns the largest component of the final gradient. */
    private double minimise(double[] theta, double tolerance, int iterations, int[] steps) {
        int size = theta.length;
        double[] g = new double[size];
        double[] next = new double[size];
        double[] nextG = new double[size];
        double[] direction = new double[size];
        double[][] s = new double[MEMORY][size];
        double[][] y = new double[MEMORY][size];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double f = evaluate(theta, g);
        int iteration = 0;
        while (largest(g) > tolerance && iteration < iterations) {
            // direction = -H g by the two-loop recursion over the remembered pairs, newest first
            for (int j = 0; j < size; j++) {
                direction[j] = -g[j];
            }
            for (int k = 0; k < stored; k++) {
                int m = Math.floorMod(newest - k, MEMORY);
                alpha[m] = rho[m] * dot(s[m], direction);
                axpy(-alpha[m], y[m], direction);
            }
            if (stored > 0) {
                double scale = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
                for (int j = 0; j < size; j++) {
                    direction[j] *= scale;
                }
            }
            for (int k = stored - 1; k >= 0; k--) {
                int m = Math.floorMod(newest - k, MEMORY);
                double beta = rho[m] * dot(y[m], direction);
                axpy(alpha[m] - beta, s[m], direction);
            }
            double slope = dot(g, direction);
            if (slope >= 0) {
                // not a descent direction (rounding): start again from the gradient
                for (int j = 0; j < size; j++) {
                    direction[j] = -g[j];
                }
                slope = dot(g, direction);
                stored = 0;
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
            double nextF;
            while (true) {
                for (int j = 0; j < size; j++) {
                    next[j] = theta[j] + step * direction[j];
                }
                nextF = evaluate(next, nextG);
                if (nextF <= f + ARMIJO * step * slope || step < 1e-12) {
                    break;
                }
                step /= 2;
            }
            if (!(nextF < f)) {
                break; // no decrease left at the precision of doubles: as close to the minimum as can be
            }
            double sy = 0;
            for (int j = 0; j < size; j++) {
                sy += (next[j] - theta[j]) * (nextG[j] - g[j]);
            }
            if (sy > 0) {
                // a pair of negative curvature (rounding only: the objective is convex) would spoil the direction: not kept
                newest = (newest + 1) % MEMORY;
                for (int j = 0; j < size; j++) {
                    s[newest][j] = next[j] - theta[j];
                    y[newest][j] = nextG[j] - g[j];
                }
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, MEMORY);
            }
            System.arraycopy(next, 0, theta, 0, size);
            System.arraycopy(nextG, 0, g, 0, size);
            f = nextF;
            iteration++;
        }
        steps[0] = iteration;
        return largest(g);
    }

    private static double largest(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    private static void axpy(double factor, double[] x, double[] into) {
        for (int j = 0; j < x.length; j++) {
            into[j] += factor * x[j];
        }
    }
}
