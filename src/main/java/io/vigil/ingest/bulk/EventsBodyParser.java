package io.vigil.ingest.bulk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Parses a {@code POST /api/events} body: a JSON array of objects, or NDJSON (one object per line). Each
 * event becomes one raw line, byte for byte as sent (array elements are sliced out of the body, not
 * re-serialised). Entries that are not JSON objects are still kept, as parse failures, and listed as
 * problems. Only a broken array (which cannot be split into events) fails the whole body.
 */
public final class EventsBodyParser {
    /** One entry that is not a JSON object; {@code position} is the array index or the line number. */
    public record Problem(String where, int position, String reason) {
    }

    /** The lines to journal and the problems to report. */
    public record Parsed(List<byte[]> lines, List<Problem> problems) {
        public Parsed {
            lines = List.copyOf(lines);
            problems = List.copyOf(problems);
        }
    }

    /** Thrown for a body that cannot be split into events at all. */
    public static final class MalformedBodyException extends Exception {
        public MalformedBodyException(String message) {
            super(message);
        }
    }

    private EventsBodyParser() {
    }

    public static Parsed parse(byte[] body) throws MalformedBodyException {
        Objects.requireNonNull(body, "body");
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        try {
            return first < body.length && body[first] == '[' ? parseArray(body) : parseLines(body);
        } catch (IOException e) {
            throw new MalformedBodyException("cannot read the events body: " + e.getMessage());
        }
    }

    private static Parsed parseArray(byte[] body) throws IOException, MalformedBodyException {
        List<byte[]> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = BulkRequestParser.MAPPER.getFactory().createParser(body)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new MalformedBodyException("the JSON array is not closed");
                }
                int index = lines.size();
                if (token == JsonToken.START_OBJECT) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getByteOffset();
                    lines.add(Arrays.copyOfRange(body, start, end));
                } else {
                    JsonNode value = parser.readValueAsTree();
                    lines.add(BulkRequestParser.MAPPER.writeValueAsBytes(value));
                    problems.add(new Problem("index", index, "expected a JSON object but found "
                            + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "; kept as a parse failure"));
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedBodyException("unexpected content after the JSON array");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedBodyException("the JSON array is malformed: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        return new Parsed(lines, problems);
    }

    private static Parsed parseLines(byte[] body) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Lines reader = new Lines(new LineReader(new ByteArrayInputStream(body)));
        Lines.Line line;
        while ((line = reader.next()) != null) {
            String problem = BulkRequestParser.objectProblem(line.bytes());
            if (problem != null) {
                problems.add(new Problem("line", line.number(), problem + "; kept as a parse failure"));
            }
            lines.add(line.bytes());
        }
        return new Parsed(lines, problems);
    }
}
