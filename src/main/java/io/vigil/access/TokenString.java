package io.vigil.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API token as a user sees it: {@code vgl_<id>_<secret>}, where id is 16 hex digits (the lookup key,
 * not secret) and secret is 32 random bytes in unpadded base64url. Only SHA-256 of the secret is stored:
 * the secret has 256 bits of entropy, so a fast hash is safe here (unlike passwords).
 * Shippers that speak the Elasticsearch {@code ApiKey base64(id:key)} form send id and secret separately.
 */
record TokenString(String id, String secret) {
    static final String PREFIX = "vgl_";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    static TokenString generate(SecureRandom random) {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new TokenString(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Parses {@code vgl_<id>_<secret>}; empty when the text is not shaped like a Vigil token. */
    static Optional<TokenString> parse(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() != PREFIX.length() + 16 + 1 + 43) {
            return Optional.empty();
        }
        String id = text.substring(PREFIX.length(), PREFIX.length() + 16);
        String secret = text.substring(PREFIX.length() + 17);
        if (text.charAt(PREFIX.length() + 16) != '_') {
            return Optional.empty();
        }
        return of(id, secret);
    }

    /** Builds from separate id and secret (the ES api_key form); empty when either is malformed. */
    static Optional<TokenString> of(String id, String secret) {
        if (!ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        return Optional.of(new TokenString(id, secret));
    }

    static boolean looksLikeToken(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    String format() {
        return PREFIX + id + "_" + secret;
    }

    byte[] secretSha256() {
        return sha256(secret.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "TokenString[id=" + id + ", secret=<hidden>]";
    }
}
