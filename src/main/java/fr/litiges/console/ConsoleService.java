package fr.litiges.console;

import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.scenario.ScenarioCoverage;
import fr.litiges.security.SecurityProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;

/**
 * What the console needs beyond the public API: its own settings, who is signed in, and the
 * ruleset's files in a form a browser can draw (a table as a grid, a DRL file as text), each rule of
 * the active version with the number of scenarios that fire it. Read-only.
 * <p>
 * A file is read from the stored version that decides (or any listed version the history opens),
 * never from the working folders, which may hold a change that is refused or not yet published; the
 * folders are read only when asked for by name, to show where a refused reload went wrong, or when
 * this build keeps no versions.
 */
final class ConsoleService {
    private final ActiveRuleset rulesets;
    private final ScenarioCoverage coverage;
    private final RulesetFiles folders;
    /** One file of one stored version (version, path), or null when this build keeps no versions. */
    private final BiFunction<String, String, Optional<byte[]>> versions;
    private final SecurityProperties security;
    private final ConsoleProperties properties;

    ConsoleService(ActiveRuleset rulesets, ScenarioCoverage coverage, RulesetFiles folders,
                   BiFunction<String, String, Optional<byte[]>> versions, SecurityProperties security, ConsoleProperties properties) {
        this.rulesets = rulesets;
        this.coverage = coverage;
        this.folders = folders;
        this.versions = versions;
        this.security = security;
        this.properties = properties;
    }

    Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        String issuer = security.jwt().issuerUri();
        String client = properties.oidcClientId();
        if (issuer != null && !issuer.isBlank() && client != null && !client.isBlank()) {
            config.put("oidc", Map.of("issuer", issuer.trim(), "clientId", client.trim(), "scope", properties.oidcScope()));
        } else {
            config.put("oidc", null);
        }
        config.put("apiKeys", true);
        return config;
    }

    record Me(String name, List<String> roles) {
    }

    Me me(Authentication caller) {
        List<String> roles = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        return new Me(caller.getName(), roles);
    }

    record FileEntry(String path, String type, Integer ruleCount) {
    }

    /** The active ruleset's files and the scenario books, the paths every other console call uses. */
    Map<String, Object> list() {
        Ruleset ruleset = rulesets.current();
        List<FileEntry> entries = new ArrayList<>();
        ruleset.files().forEach(file -> entries.add(new FileEntry(file.path(), file.type(), file.ruleCount())));
        coverage.bookPaths().forEach(path -> entries.add(new FileEntry(path, "SCENARIOS", null)));
        return Map.of("version", ruleset.version(), "hash", ruleset.hash(), "files", entries);
    }

    record RuleCoverage(String ruleId, String name, String sheet, Integer row, Integer line, int scenarios) {
    }

    /** Where a file is read from: a stored version (null: the active one), or the working folders. */
    record Source(String version, boolean workingFolders) {
    }

    Map<String, Object> file(String path, Source source) throws IOException {
        Ruleset ruleset = rulesets.current();
        String version = source.version() == null || source.version().isBlank() ? ruleset.version() : source.version().trim();
        boolean active = !source.workingFolders() && version.equals(ruleset.version());
        byte[] bytes;
        if (source.workingFolders()) {
            bytes = folders.read(path).orElse(null);
        } else if (versions != null) {
            bytes = versions.apply(version, path).orElse(null);
        } else {
            // a build without stored versions: the folders are what was loaded, for the files the ruleset names
            boolean known = ruleset.files().stream().anyMatch(f -> f.path().equals(path)) || coverage.bookPaths().contains(path);
            bytes = active && known ? folders.read(path).orElse(null) : null;
        }
        if (bytes == null) {
            throw notFound(source.workingFolders() ? "no such file in the working folders: " + path
                    : "no such file in version " + version + ": " + path);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("path", path);
        body.put("version", source.workingFolders() ? null : version);
        body.put("active", active);
        body.put("workingFolders", source.workingFolders());
        boolean table = path.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        body.put("type", table ? "XLSX" : "DRL");
        if (table) {
            body.put("sheets", WorkbookGrid.read(bytes).sheets());
        } else {
            body.put("text", new String(bytes, StandardCharsets.UTF_8));
        }
        if (!active) {
            // the scenario counts belong to the compiled active version: another version's rows may not match them
            body.put("scenarios", null);
            body.put("rules", List.of());
            return body;
        }
        ScenarioCoverage.Counts counts = coverage.count(ruleset);
        body.put("scenarios", counts.scenarios());
        body.put("rules", ruleset.sourceMap().all().stream()
                .filter(origin -> path.equals(origin.source()))
                .map(origin -> new RuleCoverage(origin.ruleId(), origin.ruleName(), origin.sheet(), origin.row(), origin.line(),
                        counts.firing(origin.source(), origin.ruleId())))
                .sorted(java.util.Comparator.comparing((RuleCoverage r) -> r.sheet() == null ? "" : r.sheet())
                        .thenComparing(r -> r.row() == null ? (r.line() == null ? 0 : r.line()) : r.row()))
                .toList());
        return body;
    }

    /** The shipped replay sample, so the console can replay it on a candidate without an upload. */
    ResponseEntity<byte[]> replaySample() throws IOException {
        if (!Files.isRegularFile(properties.replaySample())) {
            throw notFound("the replay sample is not shipped with this service");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(Files.readAllBytes(properties.replaySample()));
    }

    private static ErrorResponseException notFound(String what) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what);
        problem.setTitle("Not Found");
        problem.setType(java.net.URI.create("/problems/not-found"));
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
