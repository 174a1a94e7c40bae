package io.vigil.ingest.syslog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: what a framer delivered, as text with a truncation mark, for readable assertions. */
final class Framed {
    private Framed() {
    }

    /** Messages as strings; a truncated one is shown as {@code "text…[truncated]"}. */
    static List<String> frame(int maxMessageBytes, byte[]... chunks) {
        SyslogFramer framer = new SyslogFramer(maxMessageBytes);
        List<String> out = new ArrayList<>();
        SyslogFramer.MessageSink sink = (message, truncated) ->
                out.add(new String(message, StandardCharsets.ISO_8859_1) + (truncated ? "…[truncated]" : ""));
        for (byte[] chunk : chunks) {
            framer.feed(chunk, 0, chunk.length, sink);
        }
        framer.endOfStream(sink);
        return out;
    }

    static List<String> frame(int maxMessageBytes, String stream) {
        return frame(maxMessageBytes, bytes(stream));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
