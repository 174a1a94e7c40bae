package io.vigil.parse.app;

import io.vigil.parse.DecodeResult;
import io.vigil.parse.Decoder;
import io.vigil.parse.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hadoop HDFS daemon lines as in the loghub HDFS set: {@code yyMMdd HHmmss pid LEVEL component: message}
 * → {@code @timestamp} (UTC, 20yy), {@code process.pid}, {@code log.level}, {@code log.logger},
 * {@code message}, dataset {@code hadoop.hdfs}. Claims only lines with that exact six-digit prefix and a
 * known level. Stateless and thread-safe.
 */
public final class HadoopDecoder implements Decoder {
    public static final String NAME = "hadoop";
    private static final Timestamps TIMESTAMPS = new Timestamps(Clock.systemUTC());
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(byte[] line) {
        String s = new String(line, StandardCharsets.UTF_8).strip();
        String[] head = s.split(" ", 5);
        if (head.length < 5 || head[0].length() != 6 || head[1].length() != 6 || !digits(head[0]) || !digits(head[1])
                || !digits(head[2]) || !LEVELS.contains(head[3])) {
            return DecodeResult.notMine();
        }
        String d = head[0];
        String t = head[1];
        long millis = TIMESTAMPS.parse("20" + d.substring(0, 2) + "-" + d.substring(2, 4) + "-" + d.substring(4) + "T"
                + t.substring(0, 2) + ":" + t.substring(2, 4) + ":" + t.substring(4) + "Z");
        if (millis == Timestamps.INVALID) return new DecodeResult.Failed("is not a Hadoop log line: bad date " + d + " " + t);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@timestamp", Timestamps.format(millis));
        ApacheErrorDecoder.putLong(out, "process.pid", head[2]);
        out.put("log.level", head[3]);
        String rest = head[4];
        int colon = rest.indexOf(": ");
        if (colon > 0 && rest.lastIndexOf(' ', colon - 1) < 0) {
            out.put("log.logger", rest.substring(0, colon));
            rest = rest.substring(colon + 2);
        }
        out.put("message", rest);
        out.put("event.kind", "event");
        out.put("event.module", "hadoop");
        out.put("event.dataset", "hadoop.hdfs");
        return new DecodeResult.Decoded(out);
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 12) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
