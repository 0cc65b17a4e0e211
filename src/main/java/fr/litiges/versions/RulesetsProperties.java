package fr.litiges.versions;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where ruleset versions live and how replicas follow them.
 *
 * @param repository       a path (a bare repository, created and seeded with the folders if missing) or a Git URL
 * @param username         for a URL over HTTP(S): the user, or any name with a token as password
 * @param password         the password or token; never logged
 * @param mirror           with a URL, the local bare copy fetched from and pushed through
 * @param poll             how often a replica reads the repository's active version
 * @param followFolders    the folders are the working copy: a saved change that passes the gate is published, and an
 *                         activated version is written back to them. Default: on for a path, off for a URL
 * @param candidateTtl     how long an uploaded candidate is kept (at least 24 h)
 * @param maxFileSize      largest file of a candidate
 * @param maxCandidateSize largest upload, all files together
 * @param maxFiles         most files in one upload
 */
@ConfigurationProperties("litiges.rulesets")
public record RulesetsProperties(@DefaultValue("var/rulesets.git") String repository, String username, String password,
                                 @DefaultValue("var/rulesets-mirror.git") Path mirror, @DefaultValue("10s") Duration poll,
                                 Boolean followFolders, @DefaultValue("24h") Duration candidateTtl,
                                 @DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("30MB") DataSize maxCandidateSize,
                                 @DefaultValue("50") int maxFiles) {

    public RulesetsProperties {
        if (candidateTtl.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("litiges.rulesets.candidate-ttl must be at least 24h, not " + candidateTtl);
        }
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("litiges.rulesets.poll must be positive, not " + poll);
        }
    }

    public boolean followsFolders() {
        return followFolders != null ? followFolders : !GitRulesetStore.isUrl(repository);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "RulesetsProperties[repository=" + repository + ", username=" + username + ", password=" + (password == null ? "none" : "(set)")
                + ", poll=" + poll + ", followFolders=" + followsFolders() + "]";
    }
}
