package io.vigil.parse.app;

import io.vigil.parse.DecodeResult;
import io.vigil.parse.Decoder;
import io.vigil.parse.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Windows component servicing logs ({@code %windir%\Logs\CBS\CBS.log}, also DISM):
 * {@code yyyy-MM-dd HH:mm:ss, Level<spaces>Component<spaces>message} → {@code log.level},
 * {@code log.logger} (CBS, CSI...), {@code message}, dataset {@code windows.cbs}. The time is local to the
 * machine and is read as UTC. Claims lines with exactly that date prefix and comma. Stateless and thread-safe.
 */
public final class CbsDecoder implements Decoder {
    public static final String NAME = "windows-cbs";
    private static final Timestamps TIMESTAMPS = new Timestamps(Clock.systemUTC());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(byte[] line) {
        String s = new String(line, StandardCharsets.UTF_8).strip();
        if (s.length() < 22 || s.charAt(4) != '-' || s.charAt(10) != ' ' || s.charAt(13) != ':' || s.charAt(19) != ','
                || s.charAt(20) != ' ') {
            return DecodeResult.notMine();
        }
        long millis = TIMESTAMPS.parse(s.substring(0, 10) + "T" + s.substring(11, 19) + "Z");
        if (millis == Timestamps.INVALID) return DecodeResult.notMine();
        String[] rest = s.substring(21).strip().split("\\s+", 3);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@timestamp", Timestamps.format(millis));
        out.put("log.level", rest[0]);
        if (rest.length > 1) out.put("log.logger", rest[1]);
        if (rest.length > 2) out.put("message", rest[2]);
        out.put("event.kind", "event");
        out.put("event.module", "windows");
        out.put("event.dataset", "windows.cbs");
        return new DecodeResult.Decoded(out);
    }
}
