package io.vigil.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.detect.Detection;
import java.time.Instant;

/**
 * The JSON fields every hunt result shares, whether it came from files ({@code vigil hunt FILE...}) or from
 * stored history: the rule, level, tags, host and user, and for a correlation its type, group, first and last
 * time, value and whether its state was truncated. Callers add where the events are (file and index, or ids).
 */
public final class DetectionJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DetectionJson() {}

    /** The shared fields of {@code d}; for a correlation also {@code correlation} (returned by {@link #correlation}). */
    public static ObjectNode common(Detection d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("timestamp", Instant.ofEpochMilli(d.time()).toString()).put("rule_id", d.ruleId())
                .put("rule_title", d.ruleTitle()).put("level", d.level());
        ArrayNode tags = o.putArray("tags");
        d.tags().forEach(tags::add);
        o.put("host", d.host()).put("user", d.user());
        return o;
    }

    /** Adds {@code correlation} to {@code o} with the correlation's shared fields, {@code last} as its last time. */
    public static ObjectNode correlation(ObjectNode o, Detection d, String last) {
        var c = d.correlation();
        ObjectNode corr = o.putObject("correlation");
        corr.put("type", c.correlation().type().sigmaName());
        ObjectNode group = corr.putObject("group");
        c.group().forEach(group::put);
        corr.put("first", Instant.ofEpochMilli(c.firstTime()).toString()).put("last", last);
        corr.put("value", c.value()).put("state_truncated", c.stateTruncated());
        return corr;
    }
}
