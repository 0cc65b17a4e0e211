package fr.litiges.versions;

import fr.litiges.impact.Change;
import fr.litiges.impact.RulesetDiff;
import fr.litiges.ruleset.ActiveRuleset;
import fr.litiges.ruleset.InvalidRulesetException;
import fr.litiges.ruleset.LastReload;
import fr.litiges.ruleset.RuleProblem;
import fr.litiges.ruleset.Ruleset;
import fr.litiges.ruleset.RulesetActivator;
import fr.litiges.ruleset.RulesetCompilation;
import fr.litiges.ruleset.RulesetCompiler;
import fr.litiges.ruleset.RulesetSource;
import fr.litiges.scenario.Acceptance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ruleset lifecycle over the Git store: start-up (seed, then the newest version that passes),
 * candidates, publish, activate (rollback), download, diff, and a replica following the active
 * version. Everything that goes live goes through the {@link RulesetActivator}.
 */
public final class RulesetVersions {
    private static final Logger log = LoggerFactory.getLogger(RulesetVersions.class);
    /** The scenario's name in a failure's French message ("J5 (…) : scénario « Livraison d'acier » : attendu …"). */
    private static final Pattern SCENARIO_NAME = Pattern.compile("scénario « (.+?) »");
    static final String FOLDER_WATCHER = "folder-watcher";

    private final GitRulesetStore store;
    private final RulesetActivator activator;
    private final RulesetsProperties properties;
    private final Supplier<RulesetSource> folders;
    private final WorkingCopy workingCopy;
    private final Clock clock;
    private final ScenarioAcceptor acceptor;
    private final Map<String, HeldCandidate> candidates = new ConcurrentHashMap<>();
    /** Versions the gate refused here: a replica does not retry them at every poll. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    /** Since when this replica has seen a repository version it has not served yet (null: in step). */
    private volatile Instant behindSince;

    /** Where an activated version is written back when the folders are the working copy. */
    @FunctionalInterface
    public interface WorkingCopy {
        void write(RulesetSource source);
    }

    public RulesetVersions(GitRulesetStore store, RulesetActivator activator, RulesetsProperties properties,
                           Supplier<RulesetSource> folders, WorkingCopy workingCopy, Clock clock, ScenarioAcceptor acceptor) {
        this.acceptor = acceptor;
        this.store = store;
        this.activator = activator;
        this.properties = properties;
        this.folders = folders;
        this.workingCopy = workingCopy;
        this.clock = clock;
    }

    private ActiveRuleset active() {
        return activator.active();
    }

    // ---------------------------------------------------------------- start-up

    /**
     * Seeds an empty repository with the folders, then serves its active version if it passes the
     * gate, else the newest version that does, saying so. In folder mode, folders changed while the
     * service was stopped are tried first and published if they pass.
     *
     * @throws InvalidRulesetException when no version passes
     */
    public void start() {
        if (store.active().isEmpty()) {
            RulesetSource seed = folders.get();
            String id = store.write(seed, "litiges", "The shipped rules, seeded on first start", clock.instant(), null);
            try {
                store.activate(id, null);
                log.info("Rules repository {} seeded with the folders as version {}", properties.repository(), id);
            } catch (VersionConflictException e) {
                log.info("Another replica seeded the rules repository first");
            }
        }
        String activeId = store.active().orElseThrow();
        if (properties.followsFolders()) {
            RulesetSource working = folders.get();
            RulesetSource stored = store.read(activeId).orElseThrow();
            if (!working.hash().equals(stored.hash())) {
                LastReload reload = activator.activate("start-up", working, false, trial -> recordFolders("start-up", trial));
                if (reload.outcome() == LastReload.Outcome.APPLIED) {
                    return;
                }
                log.warn("The folders changed while the service was stopped but are refused; serving the repository's active version {}", activeId);
            }
        }
        List<String> order = new ArrayList<>();
        order.add(activeId);
        store.versions().forEach(v -> {
            if (!v.version().equals(activeId)) {
                order.add(v.version());
            }
        });
        LastReload first = null;
        for (String id : order) {
            LastReload reload = activator.activate("start-up", store.read(id).orElseThrow(), false, trial -> id);
            if (reload.outcome() == LastReload.Outcome.APPLIED) {
                if (first != null) {
                    refused.add(activeId);
                    String note = "the repository's active version " + activeId + " no longer passes the gate ("
                            + first.errors().size() + " problem(s), first: " + first.errors().get(0) + "); serving " + id
                            + ", the newest version that passes";
                    log.warn("Start-up fell back: {}", note);
                    activator.noteLast(reload.withFallback(note));
                }
                return;
            }
            if (first == null) {
                first = reload;
            }
        }
        throw new InvalidRulesetException(first == null ? List.of() : first.errors());
    }

    // ---------------------------------------------------------------- folders

    /** Records a folder change that passed the gate as a new version (the reloader's recorder). */
    public String recordFolders(String trigger, RulesetActivator.Trial trial) {
        String expected = store.active().orElse(null);
        RulesetSource previous = expected == null ? null : store.read(expected).orElse(null);
        List<String> changed = previous == null ? List.copyOf(trial.source().paths()) : trial.source().changedSince(previous);
        String author = "watcher".equals(trigger) || "start-up".equals(trigger) ? FOLDER_WATCHER : Callers.current(trigger);
        String message = changed.isEmpty() ? "No file changed" : String.join(", ", changed);
        if (message.length() > 500) {
            message = message.substring(0, 497) + "...";
        }
        String id = store.write(trial.source(), author, message, clock.instant(), expected);
        store.activate(id, expected);
        refused.remove(id);
        return id;
    }

    // ---------------------------------------------------------------- versions

    /** A version as {@code GET /api/v1/rulesets} lists it. */
    public record VersionEntry(String version, String hash, Instant publishedAt, String publishedBy, String message, boolean active) {
    }

    public List<VersionEntry> list() {
        String activeId = store.active().orElse(null);
        return store.versions().stream().map(v -> entry(v, activeId)).toList();
    }

    private static VersionEntry entry(GitRulesetStore.Version v, String activeId) {
        return new VersionEntry(v.version(), v.hash(), v.publishedAt(), v.publishedBy(), v.message(), v.version().equals(activeId));
    }

    /** One file of a version, byte for byte. */
    public Optional<byte[]> file(String version, String path) {
        if (RulesetSource.checkPath(path) != null) {
            return Optional.empty();
        }
        return store.file(version, path);
    }

    /** What changed from one version to another. */
    public List<Change> diff(String from, String to) {
        RulesetSource before = store.read(from).orElseThrow(() -> new NotFoundException("version", from));
        RulesetSource after = store.read(to).orElseThrow(() -> new NotFoundException("version", to));
        return RulesetDiff.between(before.files(), after.files());
    }

    /**
     * Goes back (or forward) to a listed version through the gate, moving the repository's active
     * version so every replica follows. REFUSED when it no longer passes; nothing changes then.
     */
    public LastReload activate(String version, String caller) {
        if (store.version(version).isEmpty()) {
            throw new NotFoundException("version", version);
        }
        RulesetSource source = store.read(version).orElseThrow();
        return activator.exclusively(() -> {
            String expected = store.active().orElse(null);
            LastReload reload = activator.activate("activate", source, false, trial -> {
                store.activate(version, expected);
                return version;
            });
            if (reload.outcome() == LastReload.Outcome.APPLIED) {
                refused.remove(version);
                log.info("{} activated version {} (was {})", caller, version, expected);
                followedByFolders(source);
            }
            return reload;
        });
    }

    // ---------------------------------------------------------------- candidates

    /** An upload refused before anything is compiled: a path, a size, a count. */
    public static final class InvalidUploadException extends RuntimeException {
        private final String field;
        private final boolean tooLarge;

        InvalidUploadException(String field, String message, boolean tooLarge) {
            super(message);
            this.field = field;
            this.tooLarge = tooLarge;
        }

        public String field() {
            return field;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /**
     * Tries the active version with the uploaded files (path → bytes) and deletions. The result is
     * kept for {@code candidateTtl}; nothing goes live.
     */
    public HeldCandidate propose(Map<String, byte[]> files, List<String> delete) {
        if (files.isEmpty() && delete.isEmpty()) {
            throw new InvalidUploadException("files", "upload at least one file (a part named 'files' whose file name is its path) "
                    + "or name one to delete", false);
        }
        if (files.size() > properties.maxFiles()) {
            throw new InvalidUploadException("files", "at most " + properties.maxFiles() + " files per candidate, not " + files.size(), true);
        }
        long total = 0;
        int index = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1);
            if (fr.litiges.ruleset.RuleFolders.isCopy(name)) {
                // the folders ignore such files with a warning; an upload says why and what to do instead
                throw new InvalidUploadException("files[" + index + "]", "'" + file.getKey() + "' is named like an editor's backup or "
                        + "copy (… - Copie.xlsx, Copy of …, *.bak), which is never compiled: upload it under the name of the file it "
                        + "replaces (" + file.getKey().substring(0, file.getKey().lastIndexOf('/') + 1) + original(name) + ")", false);
            }
            String problem = RulesetSource.checkPath(file.getKey());
            if (problem != null) {
                throw new InvalidUploadException("files[" + index + "]", problem, false);
            }
            if (file.getValue().length > properties.maxFileSize().toBytes()) {
                throw new InvalidUploadException("files[" + index + "]", file.getKey() + " is " + file.getValue().length
                        + " bytes; a file may have at most " + properties.maxFileSize().toBytes(), true);
            }
            total += file.getValue().length;
            index++;
        }
        if (total > properties.maxCandidateSize().toBytes()) {
            throw new InvalidUploadException("files", "the files add up to " + total + " bytes; a candidate may have at most "
                    + properties.maxCandidateSize().toBytes(), true);
        }
        record Base(String version, RulesetSource source) {
        }
        Base base = activator.exclusively(() -> new Base(active().current().version(), activator.activeSource()));
        for (int i = 0; i < delete.size(); i++) {
            if (base.source().file(delete.get(i)) == null) {
                throw new InvalidUploadException("delete[" + i + "]", "'" + delete.get(i) + "' is not a file of the active version "
                        + base.version(), false);
            }
        }
        return hold(base.version(), base.source(), base.source().with(files, delete));
    }

    /** Tries a content on its base version's and keeps it as a candidate. */
    private HeldCandidate hold(String baseVersion, RulesetSource baseSource, RulesetSource source) {
        RulesetActivator.Trial trial = activator.trial(source);
        List<Change> changes;
        try {
            changes = RulesetDiff.between(baseSource.files(), source.files());
        } catch (RuntimeException e) {
            log.warn("Cannot list the changes of a candidate: {}", RuleProblem.rootMessage(e));
            changes = List.of();
        }
        List<Candidate.FailedScenario> failed = trial.scenarios().failures().stream().map(RulesetVersions::failed).toList();
        Candidate view = new Candidate("c-" + HexFormat.of().formatHex(uuidBytes()), baseVersion, clock.instant(),
                trial.passed() ? Candidate.Status.READY : Candidate.Status.REFUSED, trial.errors(),
                new Candidate.Scenarios(trial.scenarios().run(), trial.scenarios().passed(), failed), changes);
        HeldCandidate held = new HeldCandidate(view, trial, baseSource);
        candidates.put(view.id(), held);
        log.info("Candidate {} on version {}: {} ({} error(s), {} of {} scenarios passed, {} change(s))", view.id(), baseVersion,
                view.status(), trial.errors().size(), trial.scenarios().passed(), trial.scenarios().run(), changes.size());
        return held;
    }

    // ---------------------------------------------------------------- accepting a deliberate change

    /** Rewrites scenario books so they expect what a ruleset now decides: {@code ScenarioRunner::accept}. */
    @FunctionalInterface
    public interface ScenarioAcceptor {
        Acceptance accept(Ruleset ruleset, Map<String, byte[]> books);
    }

    /** The candidate asked for cannot be accepted (it does not compile, or nothing would change). */
    public static final class NotAcceptableException extends RuntimeException {
        private final String type;

        NotAcceptableException(String type, String message) {
            super(message);
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    /** A new candidate whose scenario books expect what the rules now give, and each expected value rewritten. */
    public record Accepted(HeldCandidate candidate, List<Acceptance.Change> changes) {
    }

    /**
     * The versions API's {@code --accept}: for a candidate refused by scenarios whose results a
     * deliberate change moved, a NEW candidate made of the same files and copies of its scenario
     * books with the values the rules now give written in. The analyst's upload is never
     * changed: the first candidate stays as it was, to compare.
     *
     * @throws NotFoundException       when the candidate is unknown
     * @throws NotAcceptableException  when it does not compile, or no expected value changed
     */
    public Accepted accept(String candidateId) {
        HeldCandidate held = candidate(candidateId).orElseThrow(() -> new NotFoundException("candidate", candidateId));
        if (held.ruleset() == null) {
            throw new NotAcceptableException("candidate-does-not-compile", "candidate " + candidateId + " does not compile: accepting "
                    + "only rewrites the expected values of scenarios; fix the errors it lists, then upload it again");
        }
        Acceptance acceptance = acceptor.accept(held.ruleset(), held.source().scenarioBooks());
        if (acceptance.changes().isEmpty()) {
            throw new NotAcceptableException("nothing-to-accept", "no expected value of candidate " + candidateId + "'s scenarios "
                    + "changed: there is nothing to accept" + (acceptance.remaining().isEmpty() ? ""
                    : "; its " + acceptance.remaining().size() + " other problem(s) need a fix in the files"));
        }
        HeldCandidate accepted = hold(held.baseVersion(), held.baseSource(), held.source().with(acceptance.books(), List.of()));
        log.info("Candidate {} accepts the {} changed expected value(s) of candidate {}", accepted.id(), acceptance.changes().size(),
                candidateId);
        return new Accepted(accepted, acceptance.changes());
    }

    /** "causes - Copie.xlsx", "Copy of causes.xlsx", "causes.xlsx.bak" → "causes.xlsx". */
    private static String original(String copy) {
        return copy.replaceFirst("(?iu)^(?:copy of |copie de )", "")
                .replaceFirst("(?iu) - (?:copie|copy)(?: \\(\\d+\\))?(?=\\.[^.]+$|$)", "")
                .replaceFirst("(?i)\\.(?:bak|backup|old|orig)$", "");
    }

    private static byte[] uuidBytes() {
        UUID id = UUID.randomUUID();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return buffer.array();
    }

    private static Candidate.FailedScenario failed(RuleProblem problem) {
        Matcher name = SCENARIO_NAME.matcher(problem.message() == null ? "" : problem.message());
        return new Candidate.FailedScenario(problem.source(), problem.sheet(), problem.row(), name.find() ? name.group(1) : null,
                problem.message(), problem.english());
    }

    /** A kept candidate (what impact replay and publish start from). */
    public Optional<HeldCandidate> candidate(String id) {
        return Optional.ofNullable(id == null ? null : candidates.get(id));
    }

    /** The two compiled rulesets to replay complaints on: the candidate's base version and the candidate. */
    public record ImpactPair(Ruleset base, Ruleset candidate) {
    }

    /**
     * For {@code POST /api/v1/rulesets/candidates/{id}/impact}: the base (the active ruleset when it
     * still is the base, else compiled again from its files) and the candidate, also when only its
     * scenarios failed. Empty when the candidate is unknown or does not compile.
     */
    public Optional<ImpactPair> impactPair(String candidateId) {
        return candidate(candidateId).filter(held -> held.ruleset() != null).map(held -> {
            Ruleset current = active().current();
            Ruleset base = current.version().equals(held.baseVersion()) ? current : compileBase(held);
            return new ImpactPair(base, held.ruleset());
        });
    }

    private static Ruleset compileBase(HeldCandidate held) {
        RulesetCompilation compilation = new RulesetCompiler().compile(held.baseSource());
        if (!compilation.succeeded()) {
            throw new InvalidRulesetException(compilation.problems());
        }
        return compilation.ruleset().withVersion(held.baseVersion());
    }

    /** The candidate could not be published as asked. */
    public static final class PublishRefusedException extends RuntimeException {
        PublishRefusedException(String message) {
            super(message);
        }
    }

    /**
     * Publishes a READY candidate as a new version, active here at once and on every replica at
     * their next poll.
     *
     * @throws PublishRefusedException  when the candidate is REFUSED
     * @throws VersionConflictException when the active version is no longer the candidate's base
     */
    public VersionEntry publish(String candidateId, String message, String caller) {
        HeldCandidate held = candidate(candidateId).orElseThrow(() -> new NotFoundException("candidate", candidateId));
        if (!held.trial().passed()) {
            throw new PublishRefusedException("candidate " + candidateId + " is REFUSED: fix its errors and failed scenarios, then upload again");
        }
        store.refresh();
        return activator.exclusively(() -> {
            String expected = store.active().orElse(null);
            if (!held.baseVersion().equals(expected)) {
                throw new VersionConflictException(held.baseVersion(), expected);
            }
            String[] published = new String[1];
            activator.activate("publish", held.trial(), trial -> {
                String id = store.write(trial.source(), caller, message, clock.instant(), expected);
                store.activate(id, expected);
                published[0] = id;
                return id;
            });
            log.info("{} published candidate {} as version {}", caller, candidateId, published[0]);
            followedByFolders(held.source());
            return entry(store.version(published[0]).orElseThrow(), published[0]);
        });
    }

    /** Drops candidates older than the configured time to live. */
    public void cleanUp() {
        Instant limit = clock.instant().minus(properties.candidateTtl());
        candidates.values().removeIf(held -> held.view().createdAt().isBefore(limit));
    }

    // ---------------------------------------------------------------- replicas

    /**
     * Follows the repository's active version: when another replica published or activated, the
     * new version goes through the gate here and is served, or is refused (once) and logged.
     */
    public void poll() {
        store.refresh();
        activator.exclusively(() -> {
            String id = store.active().orElse(null);
            // a refused version is deliberately not served (and logged): the replica is not lagging behind it
            if (id == null || refused.contains(id) || (active().isActive() && id.equals(active().current().version()))) {
                behindSince = null;
                return null;
            }
            if (behindSince == null) {
                behindSince = clock.instant();
            }
            Optional<RulesetSource> source = store.read(id);
            if (source.isEmpty()) {
                return null;
            }
            LastReload reload = activator.activate("poll", source.get(), false, trial -> id);
            if (reload.outcome() == LastReload.Outcome.APPLIED) {
                behindSince = null;
                followedByFolders(source.get());
            } else {
                behindSince = null;
                refused.add(id);
                log.error("The repository's active version {} does not pass the gate here; still serving {}", id, reload.version());
            }
            return null;
        });
    }

    /**
     * How long this replica has known of a repository version it does not serve yet (being fetched,
     * compiled and tried); empty when it serves the repository's active version or has refused it.
     */
    public Optional<java.time.Duration> behind() {
        Instant since = behindSince;
        return since == null ? Optional.empty() : Optional.of(java.time.Duration.between(since, clock.instant()));
    }

    private void followedByFolders(RulesetSource source) {
        if (properties.followsFolders()) {
            try {
                workingCopy.write(source);
            } catch (RuntimeException e) {
                log.warn("Cannot write the active version into the folders: {}", RuleProblem.rootMessage(e));
            }
        }
    }

    /** Not a listed version, or not a kept candidate. */
    public static final class NotFoundException extends RuntimeException {
        NotFoundException(String what, String id) {
            super("no " + what + " '" + id + "'");
        }
    }
}
