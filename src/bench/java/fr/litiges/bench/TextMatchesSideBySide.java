package fr.litiges.bench;

import fr.litiges.decision.api.Complaint;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that a change to the text package's speed changes nothing of what is matched: this build
 * and an earlier build of {@code fr.litiges.text} (loaded side by side, as {@link TextCpuTiming}
 * does) read the same tables and match the same texts, and every match must be equal (sub-cause,
 * weight, quote, offsets, pattern row, concept rows). The texts: every labelled set under
 * {@code src/test/resources/evaluation} but the blind parts kept for the final figures, the 1,000
 * complaints of {@link ComplaintMix}, the benchmark e-mails, and the same texts again with typos
 * and never-seen words put in (the typo tolerance and the analysis of new words run on them).
 * Prints counts only, never a text's matches. Run by hand from the repository root:
 * {@code java -cp <bench classpath> -Dtext.before=DIR fr.litiges.bench.TextMatchesSideBySide}
 * (DIR: see {@link TextAnalysisBenchmark}); exits with status 1 on the first differences.
 */
public final class TextMatchesSideBySide {
    /** Kept blind: written without looking at the tables, read only for the final figures. */
    private static final List<String> NOT_READ = List.of("blind-4.jsonl", "blind-5.jsonl");

    private TextMatchesSideBySide() {
    }

    public static void main(String[] args) throws Throwable {
        List<String> texts = texts();
        MethodHandle[] match = new MethodHandle[2];
        String[] builds = {"before", "current"};
        for (int b = 0; b < 2; b++) {
            TextAnalysisBenchmark.Tables tables = new TextAnalysisBenchmark.Tables();
            tables.build = builds[b];
            tables.read();
            match[b] = tables.match;
        }
        int differences = 0;
        long matches = 0;
        // Twice over: the first pass meets every word for the first time, the second reads remembered words.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < texts.size(); i++) {
                String before = String.valueOf(match[0].invoke(texts.get(i)));
                String current = String.valueOf(match[1].invoke(texts.get(i)));
                matches += ((List<?>) match[1].invoke(texts.get(i))).size();
                if (!before.equals(current)) {
                    differences++;
                    if (differences <= 3) {
                        System.out.println("different matches for text " + i + " (pass " + (pass + 1) + ")");
                    }
                }
            }
        }
        System.out.printf("%d texts read twice, %d matches, %d texts matched differently%n", texts.size(), matches, differences);
        System.exit(differences == 0 ? 0 : 1);
    }

    static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("src/test/resources/evaluation"), "*.jsonl")) {
            dir.forEach(files::add);
        }
        files.sort(null);
        for (Path file : files) {
            if (NOT_READ.contains(file.getFileName().toString())) {
                continue;
            }
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        JsonNode text = json.readTree(line).path("complaint").path("text");
                        if (text.isString()) {
                            texts.add(text.asString());
                        }
                    }
                }
            }
        }
        for (Complaint complaint : ComplaintMix.generate(1_000, 42)) {
            texts.add(complaint.text());
        }
        texts.add(TextAnalysisBenchmark.EMAIL);
        texts.add(TextAnalysisBenchmark.ONE_LINER);
        Random random = new Random(16);
        int known = texts.size();
        for (int i = 0; i < known; i++) {
            texts.add(misspelt(texts.get(i), random));
        }
        return texts;
    }

    /**
     * The text with one word in three of five letters or more misspelt (a letter dropped, doubled,
     * changed or swapped with the next), and a made-up name or reference after some sentences.
     */
    private static String misspelt(String text, Random random) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            if (end == i) {
                char c = text.charAt(i++);
                out.append(c);
                if ((c == '.' || c == ',') && random.nextInt(3) == 0) {
                    out.append(' ').append(madeUp(random));
                }
                continue;
            }
            String word = text.substring(i, end);
            if (word.length() >= 5 && random.nextInt(3) == 0) {
                int at = 1 + random.nextInt(word.length() - 1);
                word = switch (random.nextInt(4)) {
                    case 0 -> word.substring(0, at) + word.substring(at + 1);
                    case 1 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
                    case 2 -> word.substring(0, at) + (char) ('a' + random.nextInt(26)) + word.substring(at + 1);
                    default -> at + 1 < word.length() ? word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2) : word;
                };
            }
            out.append(word);
            i = end;
        }
        return out.toString();
    }

    private static String madeUp(Random random) {
        StringBuilder word = new StringBuilder();
        int kind = random.nextInt(3);
        if (kind == 0) {
            word.append("REF-").append(random.nextInt(100_000));
        } else {
            word.append((char) ('A' + random.nextInt(26)));
            int length = 3 + random.nextInt(9);
            for (int k = 1; k < length; k++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            if (kind == 2) {
                word.append(' ').append(random.nextInt(10_000)).append(",").append(random.nextInt(100)).append(" EUR");
            }
        }
        return word.toString();
    }
}
