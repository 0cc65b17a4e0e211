package fr.litiges.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one analyst file by its path in the ruleset ({@code decision-tables/resolution.xlsx}) from
 * the folders the service loads its rules from. Only a path inside one of those folders, with a
 * rule-file extension, is ever opened.
 */
final class RulesetFiles {
    private final List<Path> folders;

    RulesetFiles(Path rules, Path tables, Path scenarios) {
        this.folders = List.of(rules, tables, scenarios);
    }

    Optional<byte[]> read(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".xlsx") || lower.endsWith(".drl")) || path.contains("\\")) {
            return Optional.empty();
        }
        int slash = path.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String label = path.substring(0, slash);
        for (Path folder : folders) {
            Path root = folder.toAbsolutePath().normalize();
            if (!root.getFileName().toString().equals(label)) {
                continue;
            }
            Path file = root.resolve(path.substring(slash + 1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }
}
