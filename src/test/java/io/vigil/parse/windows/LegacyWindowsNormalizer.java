package io.vigil.parse.windows;

import io.vigil.event.EcsFields;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test oracle: the Windows JSON path as it was before the allocation work (commit e9620d3), kept to prove the new one gives identical events.
 *
 * <p>
 * Maps a {@link LegacyWindowsRecord} to Vigil's normalized form: Winlogbeat's {@code winlog.*} fields plus ECS
 * ({@code event.*}, {@code host.name}, and per channel and event id the fields of its {@link ChannelTable}).
 * The result is the same whichever shape the event arrived in. Stateless and thread-safe.
 */
public final class LegacyWindowsNormalizer {

    public Map<String, Object> normalize(LegacyWindowsRecord r) {
        Map<String, Object> out = new LinkedHashMap<>(r.eventData().size() * 2 + 24);
        if (r.time() != null) out.put(EcsFields.TIMESTAMP, r.time());
        if (r.message() != null && !r.message().isBlank()) out.put(EcsFields.MESSAGE, r.message());
        putIfPresent(out, "winlog.channel", r.channel());
        out.put("winlog.event_id", r.eventId());
        putIfPresent(out, "winlog.provider_name", r.providerName());
        putIfPresent(out, "winlog.computer_name", r.computerName());
        putIfPresent(out, "winlog.record_id", r.recordId());
        putIfPresent(out, "winlog.process.pid", r.processId());
        putIfPresent(out, "winlog.process.thread.id", r.threadId());
        putIfPresent(out, "winlog.user.identifier", r.userId());
        r.eventData().forEach((k, v) -> out.put("winlog.event_data." + k, v));
        r.userData().forEach((k, v) -> out.put("winlog.user_data." + k, v));
        ChannelTable table = ChannelTable.forChannel(r.channel());
        out.put(EcsFields.EVENT_CODE, r.eventId());
        putIfPresent(out, "event.provider", r.providerName());
        out.put(EcsFields.EVENT_MODULE, table.module());
        out.put("event.kind", "event");
        putIfPresent(out, EcsFields.HOST_NAME, r.computerName());
        EventRule rule = table.rules().get(r.eventId());
        if (rule != null) apply(rule, r, out);
        return out;
    }

    private static void apply(EventRule rule, LegacyWindowsRecord r, Map<String, Object> out) {
        if (!rule.category().isEmpty()) out.put(EcsFields.EVENT_CATEGORY, rule.category());
        if (!rule.type().isEmpty()) out.put("event.type", rule.type());
        if (rule.outcome() != null) out.put(EcsFields.EVENT_OUTCOME, rule.outcome());
        if (rule.action() != null) out.put("event.action", rule.action());
        Map<String, Object> mapped = new LinkedHashMap<>();
        for (EventRule.FieldRule f : rule.fields()) {
            String value = r.data(f.source());
            if (Conversion.isAbsent(value) || mapped.containsKey(f.target())) continue;
            f.conversion().apply(value, f.target(), mapped);
        }
        mapped.forEach(out::putIfAbsent);
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) out.put(key, value);
    }
}
