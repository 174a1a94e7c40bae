package io.vigil.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.detect.Detection;
import io.vigil.server.DetectionJson;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes hunt detections as JSON lines, CSV with a header, or an aligned table for people. */
final class HuntOutput {

    enum Format { jsonl, csv, table }

    /** Where an event was read: its file and its 0-based index in that file. */
    record Location(String file, long event) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV_HEADER = "timestamp,rule_id,rule_title,level,tags,host,user,file,event,correlation_type,event_count";
    private static final String STORED_CSV_HEADER = "timestamp,rule_id,rule_title,level,tags,host,user,event_id,@timestamp,correlation_type,event_count";
    private static final String TABLE_ROW = "%-24s %-13s %-50s %-20s %-16s %s%n";

    private final Format format;
    private final PrintWriter out;

    HuntOutput(Format format, PrintWriter out) {
        this(format, out, false);
    }

    /** With {@code stored}, rows name stored events (id and time) instead of file locations. */
    HuntOutput(Format format, PrintWriter out, boolean stored) {
        this.format = format;
        this.out = out;
        switch (format) {
            case csv -> out.println(stored ? STORED_CSV_HEADER : CSV_HEADER);
            case table -> out.printf(TABLE_ROW, "TIME", "LEVEL", "RULE", "HOST", "USER", stored ? "EVENT ID" : "FILE:EVENT");
            case jsonl -> { }
        }
    }

    /** Writes one detection over stored events, given as the retro-hunt's JSON object (HistoryHunt.json). */
    void writeStored(JsonNode d) {
        List<String> tags = new ArrayList<>();
        d.path("tags").forEach(t -> tags.add(t.asText()));
        JsonNode corr = d.path("correlation");
        int events = corr.isMissingNode() ? 1 : corr.path("event_ids").size();
        switch (format) {
            case jsonl -> out.println(d);
            case csv -> out.println(String.join(",", csv(text(d, "timestamp")), csv(text(d, "rule_id")),
                    csv(text(d, "rule_title")), csv(text(d, "level")), csv(String.join(";", tags)), csv(text(d, "host")),
                    csv(text(d, "user")), csv(text(d, "event_id")), csv(text(d, "@timestamp")),
                    csv(corr.path("type").asText("")), Integer.toString(events)));
            case table -> out.printf(TABLE_ROW, text(d, "timestamp"), text(d, "level"), cut(text(d, "rule_title"), 50),
                    cut(text(d, "host"), 20), cut(text(d, "user"), 16), text(d, "event_id") + (events > 1 ? " (+" + (events - 1) + ")" : ""));
        }
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** Writes one detection; {@code where} is the location of each of its events, in order. */
    void write(Detection d, List<Location> where) {
        Location last = where.get(where.size() - 1);
        switch (format) {
            case jsonl -> out.println(json(d, where, last));
            case csv -> out.println(String.join(",", csv(time(d)), csv(d.ruleId()), csv(d.ruleTitle()), csv(d.level()),
                    csv(String.join(";", d.tags())), csv(d.host()), csv(d.user()), csv(last.file()),
                    Long.toString(last.event()), csv(d.isCorrelation() ? d.correlation().correlation().type().sigmaName() : ""),
                    Integer.toString(d.eventIds().size())));
            case table -> out.printf(TABLE_ROW, time(d), d.level(), cut(d.ruleTitle(), 50), cut(d.host(), 20),
                    cut(d.user(), 16), last.file() + ":" + last.event() + (where.size() > 1 ? " (+" + (where.size() - 1) + ")" : ""));
        }
    }

    private static String json(Detection d, List<Location> where, Location last) {
        ObjectNode o = DetectionJson.common(d);
        o.put("file", last.file()).put("event", last.event());
        if (d.isCorrelation()) {
            ObjectNode corr = DetectionJson.correlation(o, d, Instant.ofEpochMilli(d.correlation().lastTime()).toString());
            ArrayNode events = corr.putArray("events");
            for (Location l : where) events.addObject().put("file", l.file()).put("event", l.event());
        }
        return o.toString();
    }

    private static String time(Detection d) {
        return Instant.ofEpochMilli(d.time()).toString();
    }

    private static String cut(String s, int width) {
        if (s == null) return "-";
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private static String csv(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
