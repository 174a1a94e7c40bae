package io.vigil.parse.app;

import io.vigil.parse.DecodeResult;
import io.vigil.parse.Decoder;
import io.vigil.parse.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled syslog of the Sandia supercomputer logs (Thunderbird, Spirit, Liberty; Oliner and Stearley,
 * DSN 2007), as loghub ships them: {@code LABEL EPOCH yyyy.MM.dd NODE Mmm d HH:mm:ss LOCATION TAG[PID]: message}.
 * {@code LABEL} is "-" or an alert category, kept in {@code labels.alert}. The epoch seconds give
 * {@code @timestamp}; NODE is {@code host.name}; the rest maps as syslog. Stateless and thread-safe.
 */
public final class SupercomputerLogDecoder implements Decoder {
    public static final String NAME = "hpc-syslog";
    private static final Pattern LINE = Pattern.compile(
            "^(\\S+) (\\d{9,11}) (\\d{4}\\.\\d{2}\\.\\d{2}) (\\S+) ([A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2}) (\\S+) ?(.*)$");
    private static final Pattern TAG = Pattern.compile("^([^\\s\\[:]+)(?:\\[(\\d+)\\])?: ?(.*)$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DecodeResult decode(byte[] line) {
        Matcher m = LINE.matcher(new String(line, StandardCharsets.UTF_8).strip());
        if (!m.matches()) return DecodeResult.notMine();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@timestamp", Timestamps.format(Long.parseLong(m.group(2)) * 1000));
        if (!"-".equals(m.group(1))) out.put("labels.alert", m.group(1));
        out.put("host.name", m.group(4));
        out.put("log.syslog.hostname", m.group(6));
        String rest = m.group(7);
        Matcher tag = TAG.matcher(rest);
        if (tag.matches()) {
            out.put("process.name", tag.group(1));
            out.put("log.syslog.appname", tag.group(1));
            if (tag.group(2) != null) ApacheErrorDecoder.putLong(out, "process.pid", tag.group(2));
            rest = tag.group(3);
        }
        if (!rest.isEmpty()) out.put("message", rest);
        out.put("event.kind", "event");
        out.put("event.dataset", "hpc.syslog");
        return new DecodeResult.Decoded(out);
    }
}
