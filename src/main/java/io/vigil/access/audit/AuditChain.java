package io.vigil.access.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The on-disk form of the audit log and its hash chain. One record per line (UTF-8 JSON, {@code \n}):
 * <pre>
 * {"v":1,"seq":7,"time":"2026-03-01T10:00:00Z","actor":"ana","action":"search","target":"",
 *  "details":{"query":"user.name:bob"},"prev":"&lt;64 hex&gt;","hash":"&lt;64 hex&gt;"}
 * </pre>
 * {@code hash} = hex(SHA-256(prev + "\n" + canonical)) where canonical is the JSON array
 * {@code [v, seq, time, actor, action, target, {details with keys sorted}]}, so the hash does not depend
 * on how a JSON library orders or spaces the line. Because each hash covers the previous one, editing,
 * deleting or reordering any record breaks every link after it; {@link AuditVerifier} names the first.
 */
public final class AuditChain {
    public static final int FORMAT_VERSION = 1;
    public static final String GENESIS = "0".repeat(64);
    static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    /** Builds the next record after {@code prevHash}, computing its hash. */
    static AuditRecord next(long seq, Instant time, String actor, String action, String target,
                            Map<String, String> details, String prevHash) {
        AuditRecord draft = new AuditRecord(seq, time, actor, action, target, details, prevHash, "");
        return new AuditRecord(seq, time, actor, action, target, draft.details(), prevHash, hashOf(draft));
    }

    /** The hash a record should carry, given its content and {@code prevHash}. */
    public static String hashOf(AuditRecord r) {
        ArrayNode canonical = JSON.createArrayNode().add(FORMAT_VERSION).add(r.seq()).add(r.time().toString())
                .add(r.actor()).add(r.action()).add(r.target());
        ObjectNode details = canonical.addObject();
        new TreeMap<>(r.details()).forEach(details::put);
        try {
            return sha256Hex(r.prevHash() + "\n" + JSON.writeValueAsString(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an audit record", e);
        }
    }

    static String toLine(AuditRecord r) {
        ObjectNode node = JSON.createObjectNode().put("v", FORMAT_VERSION).put("seq", r.seq())
                .put("time", r.time().toString()).put("actor", r.actor()).put("action", r.action())
                .put("target", r.target());
        ObjectNode details = node.putObject("details");
        r.details().forEach(details::put);
        node.put("prev", r.prevHash()).put("hash", r.hash());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an audit record", e);
        }
    }

    /** Parses one line; throws {@link IllegalArgumentException} saying what is missing or malformed. */
    static AuditRecord fromLine(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        if (node == null || !node.isObject() || node.path("v").asInt() != FORMAT_VERSION) {
            throw new IllegalArgumentException("not an audit record of format version " + FORMAT_VERSION);
        }
        Map<String, String> details = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("details").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            details.put(e.getKey(), e.getValue().asText());
        }
        try {
            return new AuditRecord(node.path("seq").asLong(), Instant.parse(node.path("time").asText()),
                    text(node, "actor"), text(node, "action"), text(node, "target"), details,
                    text(node, "prev"), text(node, "hash"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed field: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value.asText();
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
