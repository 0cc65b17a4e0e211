package fr.litiges.versions;

import fr.litiges.ruleset.RulesetSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefLeaseSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The ruleset versions, in a bare Git repository written with JGit's low-level API (no work
 * tree): each version is a commit whose tree is the whole content; {@code refs/versions/<id>}
 * lists every version ever active (a rollback must not hide the newer ones); {@code refs/heads/active}
 * is the version every replica serves. Moving it names the value expected to be replaced, so of
 * two replicas publishing at once one wins and the other gets a {@link VersionConflictException}.
 * With a URL the bare repository is a local mirror: it fetches before reading and pushes with the
 * same expectation ("force with lease").
 */
public final class GitRulesetStore implements AutoCloseable {
    static final String ACTIVE = "refs/heads/active";
    static final String VERSIONS = "refs/versions/";
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}");

    private final Repository repository;
    private final URIish remote;
    private final CredentialsProvider credentials;

    private GitRulesetStore(Repository repository, URIish remote, CredentialsProvider credentials) {
        this.repository = repository;
        this.remote = remote;
        this.credentials = credentials;
    }

    /** Whether the configured repository is a Git URL rather than a local path. */
    public static boolean isUrl(String repository) {
        return repository.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || repository.matches("^[\\w.-]+@[\\w.-]+:.*");
    }

    /**
     * Opens a local bare repository, creating it when the path does not exist yet (the caller then
     * seeds it), or a mirror of a URL kept in {@code mirrorDir}.
     */
    public static GitRulesetStore open(String repository, Path mirrorDir, String username, String password) {
        try {
            if (!isUrl(repository)) {
                return new GitRulesetStore(openOrCreate(Path.of(repository)), null, null);
            }
            CredentialsProvider credentials = username == null || username.isBlank() ? null
                    : new UsernamePasswordCredentialsProvider(username, password == null ? "" : password);
            GitRulesetStore store = new GitRulesetStore(openOrCreate(mirrorDir), new URIish(repository), credentials);
            store.refresh();
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the rules repository: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("litiges.rulesets.repository is not a Git URL: " + e.getReason(), e);
        }
    }

    /** Opens an existing local repository only (for {@code validate --version}). */
    public static GitRulesetStore openExisting(Path path) throws IOException {
        if (!Files.isDirectory(path.resolve("objects"))) {
            throw new IOException("no rules repository at " + path);
        }
        return new GitRulesetStore(new FileRepositoryBuilder().setGitDir(path.toFile()).setBare().build(), null, null);
    }

    private static Repository openOrCreate(Path path) throws IOException {
        Repository repository = new FileRepositoryBuilder().setGitDir(path.toFile()).setBare().build();
        if (!repository.getObjectDatabase().exists()) {
            Files.createDirectories(path);
            repository.create(true);
        }
        return repository;
    }

    public boolean isRemote() {
        return remote != null;
    }

    /** Brings the mirror up to date with the server; nothing to do for a local repository. */
    public void refresh() {
        if (remote == null) {
            return;
        }
        try (Git git = Git.wrap(repository)) {
            git.fetch().setRemote(remote.toString()).setCredentialsProvider(credentials).setRemoveDeletedRefs(true)
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+" + VERSIONS + "*:" + VERSIONS + "*"))
                    .call();
        } catch (GitAPIException e) {
            // The message of a transport error may quote the URL, never the credentials.
            throw new IllegalStateException("cannot fetch the rules repository: " + e.getMessage(), e);
        }
    }

    /** The active version's id, if any version exists. */
    public Optional<String> active() {
        try {
            Ref ref = repository.exactRef(ACTIVE);
            return ref == null || ref.getObjectId() == null ? Optional.empty() : Optional.of(ref.getObjectId().name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One version as listed by {@code GET /api/v1/rulesets}. */
    public record Version(String version, String hash, Instant publishedAt, String publishedBy, String message) {
    }

    /** Every version, newest first. */
    public List<Version> versions() {
        try (RevWalk walk = new RevWalk(repository)) {
            List<Version> versions = new ArrayList<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(VERSIONS)) {
                versions.add(describe(walk.parseCommit(ref.getObjectId())));
            }
            versions.sort(Comparator.comparing(Version::publishedAt).thenComparing(Version::version).reversed());
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Version> version(String id) {
        return commit(id).map(this::describe);
    }

    private Version describe(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        String message = commit.getFullMessage().strip();
        String hash = null;
        int trailer = message.lastIndexOf("\n\nRuleset-Hash: ");
        if (trailer >= 0) {
            hash = message.substring(trailer + "\n\nRuleset-Hash: ".length()).strip();
            message = message.substring(0, trailer).strip();
        }
        return new Version(commit.getName(), hash, author.getWhenAsInstant(), author.getName(), message);
    }

    /** A listed version's commit, or empty for anything else (not an id, unknown, not a version). */
    private Optional<RevCommit> commit(String id) {
        if (id == null || !COMMIT_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            Ref ref = repository.exactRef(VERSIONS + id);
            return ref == null ? Optional.empty() : Optional.of(walk.parseCommit(ref.getObjectId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole content of a version. */
    public Optional<RulesetSource> read(String id) {
        return commit(id).map(commit -> {
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (TreeWalk tree = new TreeWalk(repository)) {
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    files.put(tree.getPathString(), repository.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return RulesetSource.of(files);
        });
    }

    /** One file of a version, byte for byte. */
    public Optional<byte[]> file(String id, String path) {
        return commit(id).flatMap(commit -> {
            try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                if (tree == null || tree.getFileMode(0) != FileMode.REGULAR_FILE) {
                    return Optional.empty();
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                repository.open(tree.getObjectId(0), Constants.OBJ_BLOB).copyTo(out);
                return Optional.of(out.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Writes a version's objects (blobs, trees, the commit) without moving any ref yet. The
     * content's hash goes in a trailer, so listing versions need not read every file.
     */
    public String write(RulesetSource source, String author, String message, Instant when, String parent) {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, byte[]> file : source.files().entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
                builder.add(entry);
            }
            builder.finish();
            ObjectId tree = index.writeTree(inserter);
            PersonIdent person = new PersonIdent(author, emailOf(author), when, ZoneOffset.UTC);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            if (parent != null) {
                commit.setParentId(ObjectId.fromString(parent));
            }
            commit.setAuthor(person);
            commit.setCommitter(person);
            commit.setEncoding(StandardCharsets.UTF_8);
            commit.setMessage(message.strip() + "\n\nRuleset-Hash: " + source.hash() + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the version: " + e.getMessage(), e);
        }
    }

    /** A made-up address: Git wants one, the caller's name is what matters. */
    private static String emailOf(String author) {
        return HexFormat.of().formatHex(author.getBytes(StandardCharsets.UTF_8), 0, Math.min(author.length(), 16)) + "@litiges.invalid";
    }

    /**
     * Lists {@code id} as a version and makes it the active one, provided the active version is
     * still {@code expected} (null: no version yet).
     *
     * @throws VersionConflictException when another replica moved the active version first
     */
    public void activate(String id, String expected) {
        if (remote != null) {
            push(id, expected);
        }
        updateRef(VERSIONS + id, ObjectId.fromString(id), null, true);
        if (!updateRef(ACTIVE, ObjectId.fromString(id), expected, false)) {
            throw new VersionConflictException(expected, active().orElse(null));
        }
    }

    private void push(String id, String expected) {
        try (Git git = Git.wrap(repository)) {
            Iterable<PushResult> results = git.push().setRemote(remote.toString()).setCredentialsProvider(credentials)
                    .setRefSpecs(new RefSpec(id + ":" + VERSIONS + id))
                    .call();
            check(results, VERSIONS + id, expected);
            results = git.push().setRemote(remote.toString()).setCredentialsProvider(credentials)
                    .setRefLeaseSpecs(new RefLeaseSpec(ACTIVE, expected == null ? ObjectId.zeroId().name() : expected))
                    .setRefSpecs(new RefSpec("+" + id + ":" + ACTIVE))
                    .call();
            check(results, ACTIVE, expected);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot push to the rules repository: " + e.getMessage(), e);
        }
    }

    private void check(Iterable<PushResult> results, String ref, String expected) {
        for (PushResult result : results) {
            RemoteRefUpdate update = result.getRemoteUpdate(ref);
            if (update == null) {
                continue;
            }
            switch (update.getStatus()) {
                case OK, UP_TO_DATE -> {
                }
                case REJECTED_REMOTE_CHANGED, REJECTED_NONFASTFORWARD -> {
                    refresh();
                    throw new VersionConflictException(expected, active().orElse(null));
                }
                default -> throw new IllegalStateException("the rules repository refused " + ref + ": " + update.getStatus()
                        + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
            }
        }
    }

    private boolean updateRef(String name, ObjectId to, String expected, boolean anyOld) {
        try {
            RefUpdate update = repository.updateRef(name);
            update.setNewObjectId(to);
            if (!anyOld) {
                update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : ObjectId.fromString(expected));
            }
            update.setForceUpdate(true);
            update.setRefLogMessage("litiges: active version", false);
            RefUpdate.Result result = update.update();
            return switch (result) {
                case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> true;
                case LOCK_FAILURE, REJECTED, REJECTED_CURRENT_BRANCH, REJECTED_MISSING_OBJECT, REJECTED_OTHER_REASON, IO_FAILURE, NOT_ATTEMPTED, RENAMED -> {
                    if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.REJECTED) {
                        yield false;
                    }
                    throw new IllegalStateException("cannot move " + name + ": " + result);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the version's objects are all present (a listed version always is). */
    boolean exists(String id) {
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.has(ObjectId.fromString(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
