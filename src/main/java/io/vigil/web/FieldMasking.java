package io.vigil.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces personal data in search answers for callers who may not see it (viewers): values of the listed
 * fields, and e-mail-looking substrings in every other text value, become a stable pseudonym — first
 * character, {@code ***#}, and 8 hex digits of HMAC-SHA256(key, value) — so a viewer can still see that two
 * events concern the same person without learning who. The key is per installation (keep it in the data
 * directory) so pseudonyms cannot be reversed by hashing a list of names.
 *
 * <p>Field patterns are dotted ECS names ({@code user.name}) or prefixes ({@code email.*}); they match nested
 * objects and flat dotted keys alike, at any depth (so {@code user.name} also covers
 * {@code source.user.name} — masking more, never less). Immutable; thread-safe.
 */
public final class FieldMasking {
    public static final List<String> DEFAULT_FIELDS = List.of("user.name", "user.email", "user.full_name", "user.id",
            "user.target.*", "user.effective.*", "email.*", "source.user.*", "destination.user.*", "client.user.*",
            "server.user.*", "host.user.*", "related.user", "winlog.user.name",
            "winlog.event_data.TargetUserName", "winlog.event_data.SubjectUserName",
            "winlog.event_data.TargetOutboundUserName", "winlog.event_data.MemberName");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}");

    private final List<String[]> patterns;
    private final byte[] key;

    public FieldMasking(List<String> fields, byte[] key) {
        this.patterns = new ArrayList<>();
        for (String field : fields) {
            if (field == null || field.isBlank() || field.startsWith(".") || field.endsWith(".")) {
                throw new IllegalArgumentException("masked field '" + field + "' is not a dotted field name like user.name or email.*");
            }
            patterns.add(field.strip().split("\\."));
        }
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the pseudonym key must have at least 16 bytes");
        }
        this.key = key.clone();
    }

    public static FieldMasking withDefaults(byte[] key) {
        return new FieldMasking(DEFAULT_FIELDS, key);
    }

    /**
     * The installation's pseudonym key, {@code <data>/secrets/pseudonym.key} (32 random bytes, file 600,
     * folder 700), created on first use so pseudonyms stay the same across restarts.
     */
    public static byte[] loadOrCreateKey(java.nio.file.Path dataDir) {
        java.nio.file.Path file = dataDir.resolve("secrets").resolve("pseudonym.key");
        try {
            if (java.nio.file.Files.exists(file)) {
                return java.nio.file.Files.readAllBytes(file);
            }
            java.nio.file.Files.createDirectories(file.getParent());
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                java.nio.file.Files.setPosixFilePermissions(file.getParent(),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
            byte[] key = randomKey();
            java.nio.file.Files.write(file, key);
            if (posix) {
                java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            return key;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read or create the pseudonym key " + file, e);
        }
    }

    public static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** A masked deep copy of {@code node}. */
    public JsonNode mask(JsonNode node) {
        return mask(node, new ArrayList<>());
    }

    /** The answer as this caller may see it: unchanged for analysts and admins, masked for everyone else. */
    public JsonNode forCaller(io.vigil.access.Principal caller, JsonNode request, JsonNode answer) {
        return caller.role().allows(io.vigil.access.Role.ANALYST) ? answer : maskSearchAnswer(request, answer);
    }

    /**
     * Masks a search answer: every hit and aggregation as in {@link #mask(JsonNode)}, plus the bucket keys of
     * each aggregation whose request names a masked {@code field} (a terms aggregation on user.name would
     * otherwise list the names).
     */
    public JsonNode maskSearchAnswer(JsonNode request, JsonNode answer) {
        JsonNode masked = mask(answer);
        JsonNode requestedAggs = request == null ? null : request.get("aggs");
        JsonNode answerAggs = masked.get("aggs");
        if (requestedAggs == null || !requestedAggs.isObject() || answerAggs == null || !answerAggs.isObject()) {
            return masked;
        }
        for (Map.Entry<String, JsonNode> agg : requestedAggs.properties()) {
            boolean onMaskedField = agg.getValue().findValues("field").stream()
                    .anyMatch(f -> f.isTextual() && covers(Arrays.asList(f.asText().split("\\."))));
            JsonNode result = answerAggs.get(agg.getKey());
            if (onMaskedField && result != null) {
                maskKeys(result);
            }
        }
        return masked;
    }

    private void maskKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String name : List.of("key", "key_as_string")) {
                if (object.path(name).isTextual()) {
                    object.put(name, pseudonym(object.get(name).asText()));
                }
            }
        }
        node.forEach(this::maskKeys);
    }

    /** The pseudonym of one value: {@code j***#1a2b3c4d}. */
    public String pseudonym(String value) {
        if (value.isEmpty()) {
            return value;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return value.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    + "***#" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Replaces each e-mail-looking substring with its pseudonym. */
    public String maskEmails(String text) {
        Matcher m = EMAIL.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(pseudonym(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a field path (components) is covered by one of the patterns. */
    public boolean covers(List<String> path) {
        for (String[] pattern : patterns) {
            if (matches(path, pattern)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<String> path, String[] pattern) {
        boolean wildcard = pattern[pattern.length - 1].equals("*");
        int fixed = wildcard ? pattern.length - 1 : pattern.length;
        for (int start = 0; start + fixed <= path.size(); start++) {
            boolean same = true;
            for (int i = 0; i < fixed && same; i++) {
                same = path.get(start + i).equals(pattern[i]);
            }
            int rest = path.size() - start - fixed;
            if (same && (wildcard ? rest >= 1 : rest == 0)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode mask(JsonNode node, List<String> path) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                List<String> child = new ArrayList<>(path);
                child.addAll(Arrays.asList(e.getKey().split("\\.")));
                copy.set(e.getKey(), mask(e.getValue(), child));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(mask(element, path)));
            return copy;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(covers(path) ? pseudonym(node.asText()) : maskEmails(node.asText()));
        }
        return node;
    }
}
