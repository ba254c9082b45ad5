package dev.tollgate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.identity.SsoPortal;
import dev.tollgate.storage.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS CLI v2's SSO token cache: one JSON file per sign-in, named after the SHA-1 of the sso-session
 * name (or of the start URL for legacy profiles), with the CLI's field names. Tollgate reads and writes the
 * same files, so {@code aws sso login} and Tollgate's sign-in are one sign-in. Files are replaced atomically
 * and owner-only (0600); members Tollgate does not know are kept when it rewrites a file.
 */
final class SsoTokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(SsoTokenCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    SsoTokenCache(Path directory) {
        this.directory = directory;
    }

    /** {@code <directory>/<sha1 hex of the key>.json} */
    Path fileFor(SsoPortal portal) {
        return directory.resolve(sha1Hex(portal.cacheKey()) + ".json");
    }

    /** The cached sign-in, or empty when there is none or it cannot be read (logged without its content). */
    Optional<CachedSsoToken> read(SsoPortal portal) {
        Path file = fileFor(portal);
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            String accessToken = text(node, "accessToken");
            Optional<Instant> expiresAt = Optional.ofNullable(text(node, "expiresAt")).flatMap(SsoTokenCache::instant);
            if (accessToken == null || expiresAt.isEmpty()) {
                LOG.warn("Ignoring the SSO token cache file {}: it has no access token or expiry", file);
                return Optional.empty();
            }
            return Optional.of(new CachedSsoToken(
                    Optional.ofNullable(text(node, "startUrl")).orElse(portal.startUrl()),
                    Optional.ofNullable(text(node, "region")).orElse(portal.region()),
                    accessToken, expiresAt.get(),
                    Optional.ofNullable(text(node, "clientId")), Optional.ofNullable(text(node, "clientSecret")),
                    Optional.ofNullable(text(node, "registrationExpiresAt")).flatMap(SsoTokenCache::instant),
                    Optional.ofNullable(text(node, "refreshToken"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Never the exception's text: a JSON parse error can quote the file's content.
            LOG.warn("Could not read the SSO token cache file {} ({})", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Writes the sign-in in the CLI's format, keeping members of an existing file that Tollgate does not set. */
    void write(SsoPortal portal, CachedSsoToken token) throws IOException {
        Path file = fileFor(portal);
        ObjectNode node = existing(file);
        node.put("startUrl", token.startUrl());
        node.put("region", token.region());
        node.put("accessToken", token.accessToken());
        node.put("expiresAt", format(token.expiresAt()));
        token.clientId().ifPresent(v -> setText(node, "clientId", v));
        token.clientSecret().ifPresent(v -> setText(node, "clientSecret", v));
        token.registrationExpiresAt().ifPresent(v -> setText(node, "registrationExpiresAt", format(v)));
        if (token.refreshToken().isPresent()) {
            node.put("refreshToken", token.refreshToken().get());
        } else {
            node.remove("refreshToken");
        }
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(sorted(node)));
    }

    private static ObjectNode existing(Path file) {
        try {
            JsonNode existing = JSON.readTree(Files.readAllBytes(file));
            if (existing instanceof ObjectNode object) {
                return object;
            }
        } catch (NoSuchFileException e) {
            // A first sign-in.
        } catch (IOException | RuntimeException e) {
            LOG.warn("Replacing the unreadable SSO token cache file {}", file);
        }
        return JSON.createObjectNode();
    }

    private static void setText(ObjectNode node, String field, String value) {
        node.put(field, value);
    }

    // The CLI writes its members in this order; keeping it makes a diff of the two tools' files quiet.
    private static ObjectNode sorted(ObjectNode node) {
        ObjectNode ordered = JSON.createObjectNode();
        for (String field : new String[] {"startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret",
                "registrationExpiresAt", "refreshToken"}) {
            if (node.has(field)) {
                ordered.set(field, node.get(field));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> rest = node.fields();
        while (rest.hasNext()) {
            Map.Entry<String, JsonNode> entry = rest.next();
            if (!ordered.has(entry.getKey())) {
                ordered.set(entry.getKey(), entry.getValue());
            }
        }
        return ordered;
    }

    /** The CLI's timestamp form: UTC, whole seconds, {@code Z}. */
    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Accepts the CLI v2 form, fractions of a second, offsets, and the old CLI's "UTC" suffix. */
    static Optional<Instant> instant(String text) {
        String value = text.strip();
        if (value.endsWith("UTC")) {
            value = value.substring(0, value.length() - 3) + "Z";
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(value));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
