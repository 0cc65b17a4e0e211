package fr.litiges.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The configured API keys, kept as SHA-256 hashes. A presented key is hashed and compared with
 * every configured hash in constant time, so neither the comparison nor the position of the
 * matching key tells an attacker anything.
 */
final class ApiKeys {
    /** The documented keys of the local default (README): never accepted once real keys are configured. */
    static final List<SecurityProperties.ApiKey> LOCAL = List.of(
            new SecurityProperties.ApiKey("local-decider", sha256("local-decider-key"), List.of(Roles.DECIDER)),
            new SecurityProperties.ApiKey("local-admin", sha256("local-admin-key"), List.of(Roles.DECIDER, Roles.RULES_ADMIN)));

    private record Entry(SecurityProperties.ApiKey key, byte[] hash) {
    }

    private final List<Entry> entries;

    ApiKeys(List<SecurityProperties.ApiKey> keys) {
        this.entries = keys.stream().map(key -> new Entry(key, decode(key))).toList();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    Optional<SecurityProperties.ApiKey> match(String presented) {
        byte[] hash = HexFormat.of().parseHex(sha256(presented));
        SecurityProperties.ApiKey found = null;
        for (Entry entry : entries) {
            // No early exit: every configured key is compared, whatever the outcome.
            if (MessageDigest.isEqual(hash, entry.hash()) && found == null) {
                found = entry.key();
            }
        }
        return Optional.ofNullable(found);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private static byte[] decode(SecurityProperties.ApiKey key) {
        if (key.name() == null || key.name().isBlank()) {
            throw new IllegalStateException("litiges.security.api-keys: every key needs a name");
        }
        String hex = key.sha256() == null ? "" : key.sha256().trim().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalStateException("litiges.security.api-keys: key '" + key.name()
                    + "' needs sha256 = the 64 hex digits of the SHA-256 of the key, not the key itself");
        }
        if (key.roles().isEmpty()) {
            throw new IllegalStateException("litiges.security.api-keys: key '" + key.name() + "' has no role (decider, rules-admin, monitoring)");
        }
        return HexFormat.of().parseHex(hex);
    }
}
