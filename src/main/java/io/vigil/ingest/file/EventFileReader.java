package io.vigil.ingest.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the events of one file, each as the raw bytes of one event.
 *
 * <p>The format is decided from the first non-blank byte: {@code [} → a JSON array of events (each element
 * re-serialized compactly); <code>{</code> → a stream of JSON objects (NDJSON, or concatenated and
 * pretty-printed objects), each cut out byte for byte by {@link ObjectScanner}; anything else → text, one
 * event per non-blank line. In a stream, text that is not an object is passed on as it is, up to the next
 * line end, so nothing is silently lost: the parse stage keeps it as a failure event with its original text.
 */
public final class EventFileReader implements Closeable {
    private static final JsonFactory JSON = new JsonFactory();

    public enum Format { JSON_ARRAY, JSON_STREAM, TEXT }

    private final BufferedInputStream in;
    private final Format format;
    /** An event larger than this is cut there; the rest of it follows as text. */
    static final int MAX_EVENT_BYTES = 16 << 20;

    private JsonParser json;
    private ObjectScanner objects;
    private BufferedReader text;
    private long count;

    public EventFileReader(Path file) throws IOException {
        this(Files.newInputStream(file));
    }

    public EventFileReader(InputStream input) throws IOException {
        this.in = new BufferedInputStream(input, 1 << 16);
        this.format = sniff(in);
        switch (format) {
            case JSON_ARRAY -> {
                json = JSON.createParser(in);
                json.nextToken(); // step inside the array
            }
            case JSON_STREAM -> objects = new ObjectScanner(in, MAX_EVENT_BYTES);
            case TEXT -> text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    public Format format() {
        return format;
    }

    /** Events read so far. */
    public long count() {
        return count;
    }

    /** The next event's bytes, or null at the end of the file. */
    public byte[] next() throws IOException {
        byte[] event = text != null ? nextLine() : objects != null ? objects.next() : nextJson();
        if (event != null) count++;
        return event;
    }

    private byte[] nextJson() throws IOException {
        JsonToken token = json.nextToken();
        if (token == null || token == JsonToken.END_ARRAY) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.copyCurrentStructure(json);
        }
        return out.toByteArray();
    }

    private byte[] nextLine() throws IOException {
        for (String line; (line = text.readLine()) != null; ) {
            if (!line.isBlank()) return line.getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    private static Format sniff(BufferedInputStream in) throws IOException {
        in.mark(1 << 16);
        try {
            for (int i = 0, b; i < (1 << 16) && (b = in.read()) != -1; i++) {
                if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) continue; // BOM, blanks
                return b == '[' ? Format.JSON_ARRAY : b == '{' ? Format.JSON_STREAM : Format.TEXT;
            }
            return Format.TEXT;
        } finally {
            in.reset();
        }
    }

    @Override
    public void close() throws IOException {
        if (json != null) json.close();
        in.close();
    }
}
