package io.vigil.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A detection worth an analyst's attention: which rule, on which events, where and when.
 *
 * @param id        derived from the rule and the events ({@link #idFor}), so a replay raises the same id
 * @param level     Sigma level: informational, low, medium, high, critical
 * @param tags      the rule's tags (ATT&CK ids and tactics such as {@code attack.t1490})
 * @param eventIds  ids of the events that matched (more than one for correlations)
 * @param eventTime time of the (last) matching event
 * @param details   extra facts (e.g. correlation group values), shown as they are
 */
public record Alert(String id, String ruleId, String ruleTitle, String level, List<String> tags,
                    List<String> eventIds, String host, String user, Instant eventTime, Instant createdAt,
                    AlertStatus status, Map<String, Object> details) {
    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ruleId, "ruleId");
        ruleTitle = ruleTitle == null ? ruleId : ruleTitle;
        level = level == null ? "medium" : level;
        tags = List.copyOf(tags);
        eventIds = List.copyOf(eventIds);
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(createdAt, "createdAt");
        status = status == null ? AlertStatus.NEW : status;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A stable id for a rule firing on a set of events. */
    public static String idFor(String ruleId, List<String> eventIds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ruleId.getBytes(StandardCharsets.UTF_8));
            for (String e : eventIds) {
                sha.update((byte) 0);
                sha.update(e.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Numeric severity for sorting and thresholds (informational 0 … critical 4). */
    public int severity() {
        return switch (level) {
            case "critical" -> 4;
            case "high" -> 3;
            case "medium" -> 2;
            case "low" -> 1;
            default -> 0;
        };
    }
}
