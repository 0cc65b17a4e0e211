package fr.litiges.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole content of one ruleset as files: path in the ruleset ({@code rules/x.drl},
 * {@code decision-tables/x.xlsx}, {@code scenarios/x.xlsx}) to bytes. The folders, a stored
 * version and an uploaded candidate are all read into one of these, so they compile and pass
 * the scenario gate the same way. Immutable.
 */
public final class RulesetSource {
    public static final String RULES = "rules/";
    public static final String TABLES = "decision-tables/";
    public static final String SCENARIOS = "scenarios/";
    /** Longest path accepted, and the characters a path segment may use (letters of any script, digits, space, _ - . ( ) '). */
    static final int MAX_PATH_LENGTH = 200;
    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N} _\\-.()']+");

    private final SortedMap<String, byte[]> files;
    private final String hash;

    private RulesetSource(SortedMap<String, byte[]> files) {
        this.files = Collections.unmodifiableSortedMap(files);
        this.hash = hashOf(files);
    }

    /** Files by path; every path must pass {@link #checkPath(String)}. */
    public static RulesetSource of(Map<String, byte[]> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> {
            String problem = checkPath(path);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            copy.put(path, bytes.clone());
        });
        return new RulesetSource(copy);
    }

    /**
     * Reads the analysts' folders (editors' leftovers skipped, as {@link RuleFolders} does),
     * naming every file by its ruleset path whatever the folders are called on disk.
     */
    public static RulesetSource fromFolders(Path rulesDir, Path tablesDir, Path scenariosDir) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        for (RuleFile file : new RuleFolders(rulesDir, tablesDir).read()) {
            String relative = file.source().substring(file.source().indexOf('/') + 1);
            files.put((file.kind() == RuleFile.Kind.DRL ? RULES : TABLES) + relative, file.bytes());
        }
        if (scenariosDir != null && Files.isDirectory(scenariosDir)) {
            try (Stream<Path> walk = Files.walk(scenariosDir)) {
                for (Path path : walk.sorted().toList()) {
                    Path relative = scenariosDir.relativize(path);
                    if (Files.isRegularFile(path) && RuleFolders.isAnalystFile(relative, ".xlsx")) {
                        files.put(SCENARIOS + relative.toString().replace('\\', '/'), Files.readAllBytes(path));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + scenariosDir + ": " + e.getMessage(), e);
            }
        }
        return new RulesetSource(files);
    }

    /**
     * Why a path may not be part of a ruleset, or null: only {@code .drl} under {@code rules/},
     * {@code .xlsx} under {@code decision-tables/} and {@code scenarios/}, relative, without
     * {@code .} or {@code ..} segments, backslashes, editors' leftovers or unusual characters.
     */
    public static String checkPath(String path) {
        if (path == null || path.isBlank()) {
            return "a file needs a path such as decision-tables/resolution.xlsx";
        }
        if (path.length() > MAX_PATH_LENGTH) {
            return "path '" + path.substring(0, 40) + "…' is longer than " + MAX_PATH_LENGTH + " characters";
        }
        String lower = path.toLowerCase(Locale.ROOT);
        boolean allowed = lower.startsWith(RULES) && lower.endsWith(".drl")
                || (lower.startsWith(TABLES) || lower.startsWith(SCENARIOS)) && lower.endsWith(".xlsx");
        if (!allowed || !path.startsWith(lower.substring(0, lower.indexOf('/') + 1))) {
            return "path '" + path + "' is not allowed: only rules/*.drl, decision-tables/*.xlsx and scenarios/*.xlsx";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()
                    || RuleFolders.isEditorLeftover(segment)) {
                return "path '" + path + "' is not allowed: segment '" + segment + "' is empty, relative, hidden or has unusual characters";
            }
        }
        return null;
    }

    /** Paths, sorted. */
    public Collection<String> paths() {
        return files.keySet();
    }

    /** A copy of one file's bytes, or null. */
    public byte[] file(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? null : bytes.clone();
    }

    /** Every file by path (copies), sorted by path. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        return copy;
    }

    /** The scenario books, by path. */
    public Map<String, byte[]> scenarioBooks() {
        Map<String, byte[]> books = new LinkedHashMap<>();
        files.forEach((path, bytes) -> {
            if (path.startsWith(SCENARIOS)) {
                books.put(path, bytes);
            }
        });
        return Collections.unmodifiableMap(books);
    }

    public int size() {
        return files.size();
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /** {@code sha256:} over the sorted paths and their bytes: the same content always gives the same hash. */
    public String hash() {
        return hash;
    }

    /** This content with files added or replaced, and others removed. */
    public RulesetSource with(Map<String, byte[]> put, Collection<String> delete) {
        TreeMap<String, byte[]> next = new TreeMap<>(files);
        delete.forEach(next::remove);
        RulesetSource added = of(put);
        added.files.forEach(next::put);
        return new RulesetSource(next);
    }

    /** The paths added, removed or changed from {@code before} to this. */
    public List<String> changedSince(RulesetSource before) {
        TreeSet<String> all = new TreeSet<>(files.keySet());
        all.addAll(before.files.keySet());
        List<String> changed = new ArrayList<>();
        for (String path : all) {
            if (!Arrays.equals(files.get(path), before.files.get(path))) {
                changed.add(path);
            }
        }
        return changed;
    }

    /** The rule files the compiler reads: DRL files and decision tables. */
    List<RuleFile> ruleFiles() {
        List<RuleFile> ruleFiles = new ArrayList<>();
        files.forEach((path, bytes) -> {
            if (path.startsWith(RULES)) {
                ruleFiles.add(new RuleFile(path, RuleFile.Kind.DRL, bytes));
            } else if (path.startsWith(TABLES)) {
                ruleFiles.add(new RuleFile(path, RuleFile.Kind.DECISION_TABLE, bytes));
            }
        });
        return ruleFiles;
    }

    /**
     * Makes the folders hold exactly this content (the working copy follows the active version):
     * writes what differs, removes analyst files that are not part of it, leaves anything else.
     */
    public void writeTo(Path rulesDir, Path tablesDir, Path scenariosDir) {
        try {
            sync(rulesDir, RULES, ".drl");
            sync(tablesDir, TABLES, ".xlsx");
            sync(scenariosDir, SCENARIOS, ".xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the working copy: " + e.getMessage(), e);
        }
    }

    private void sync(Path dir, String prefix, String extension) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.filter(Files::isRegularFile).toList()) {
                    Path relative = dir.relativize(path);
                    if (RuleFolders.isAnalystFile(relative, extension) && !files.containsKey(prefix + relative.toString().replace('\\', '/'))) {
                        Files.delete(path);
                    }
                }
            }
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().startsWith(prefix)) {
                continue;
            }
            Path target = dir.resolve(file.getKey().substring(prefix.length()));
            if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                Files.createDirectories(target.getParent());
                Path temporary = target.resolveSibling(".~" + target.getFileName() + ".tmp");
                Files.write(temporary, file.getValue());
                Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static String hashOf(SortedMap<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(file.getValue().length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                digest.update(file.getValue());
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RulesetSource other && hash.equals(other.hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return files.size() + " files (" + hash + ")";
    }
}
