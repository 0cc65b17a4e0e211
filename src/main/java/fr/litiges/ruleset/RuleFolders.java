package fr.litiges.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the analysts' folders: every {@code *.drl} under the rules folder and every
 * {@code *.xlsx} under the tables folder, skipping what editors leave behind (Excel's
 * {@code ~$x.xlsx}, LibreOffice's {@code .~lock.x#}, Emacs' {@code .#x.drl}, hidden and backup files).
 */
public final class RuleFolders {
    private final Path rulesDir;
    private final Path tablesDir;

    public RuleFolders(Path rulesDir, Path tablesDir) {
        this.rulesDir = rulesDir;
        this.tablesDir = tablesDir;
    }

    public Path rulesDir() {
        return rulesDir;
    }

    public Path tablesDir() {
        return tablesDir;
    }

    /** The analyst files, sorted by source path, so that the content hash is stable. */
    List<RuleFile> read() {
        List<RuleFile> files = new ArrayList<>();
        collect(rulesDir, ".drl", RuleFile.Kind.DRL, files);
        collect(tablesDir, ".xlsx", RuleFile.Kind.DECISION_TABLE, files);
        files.sort(Comparator.comparing(RuleFile::source));
        return files;
    }

    private static void collect(Path dir, String extension, RuleFile.Kind kind, List<RuleFile> into) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        String label = dir.toAbsolutePath().normalize().getFileName().toString();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted().toList()) {
                Path relative = dir.relativize(path);
                if (!Files.isRegularFile(path) || !isAnalystFile(relative, extension)) {
                    continue;
                }
                String source = label + "/" + relative.toString().replace('\\', '/');
                into.add(new RuleFile(source, kind, Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The editors' copies, backups and lock files found in the folders (Windows' "x - Copie.xlsx",
     * "Copy of x", Excel's "~$x", "x.bak", LibreOffice's ".~lock"), which are not compiled: the
     * loader warns about them so the analyst knows they are not live.
     */
    public List<String> ignoredCopies() {
        List<String> found = new ArrayList<>();
        for (Path dir : List.of(rulesDir, tablesDir)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            String label = dir.toAbsolutePath().normalize().getFileName().toString();
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted().toList()) {
                    String name = path.getFileName().toString();
                    if (Files.isRegularFile(path) && (isCopy(name) || name.startsWith("~$") || name.startsWith(".~lock"))) {
                        found.add(label + "/" + dir.relativize(path).toString().replace('\\', '/'));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    /** True for a copy an analyst or the system made of a file: "x - Copie.xlsx", "Copy of x.xlsx", "x.bak". */
    public static boolean isCopy(String name) {
        return COPY.matcher(name).matches();
    }

    private static final java.util.regex.Pattern COPY = java.util.regex.Pattern.compile(
            "(?iu)^(?:copy of |copie de ).*|.* - (?:copie|copy)(?: \\(\\d+\\))?(?:\\.[^.]+)?$|.*\\.(?:bak|backup|old|orig)$");

    /** True for a file an analyst saved, false for lock, temporary, hidden or backup files. */
    static boolean isAnalystFile(Path relative, String extension) {
        for (Path part : relative) {
            if (isEditorLeftover(part.toString())) {
                return false;
            }
        }
        return relative.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension);
    }

    /**
     * What editors leave next to the files they edit: Excel's {@code ~$x.xlsx}, LibreOffice's
     * {@code .~lock.x#}, Emacs' {@code .#x.drl}, backups ({@code x~}, {@code x.tmp}) and hidden files.
     * The one definition the loader, the watcher and the scenario runner share.
     */
    public static boolean isEditorLeftover(String name) {
        return name.startsWith(".") || name.startsWith("~") || name.endsWith("~") || name.toLowerCase(Locale.ROOT).endsWith(".tmp")
                || isCopy(name);
    }

    /** {@code sha256:} over the sorted source paths and their bytes. */
    static String contentHash(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                digest.update(file.source().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(file.bytes().length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                digest.update(file.bytes());
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
