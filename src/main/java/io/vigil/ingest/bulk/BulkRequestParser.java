package io.vigil.ingest.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parses an Elasticsearch {@code _bulk} body (NDJSON: an action/metadata line, then for {@code index} and
 * {@code create} a document line) into {@link BulkItem}s, streaming over lines. Pure: no I/O besides the
 * given stream, no shared state. One bad item never spoils the others:
 * <ul>
 *   <li>a document line that is not one JSON object is still passed on (so the journal keeps its text as a
 *       parse failure) and its item gets a 400 {@code mapper_parsing_exception} naming the line;</li>
 *   <li>an unreadable action line gets an error item; the next line is taken as its document (and dropped)
 *       unless it itself looks like an action line, so the parser re-synchronises;</li>
 *   <li>{@code delete} and {@code update} get per-item errors (events are immutable); an update's body line
 *       is consumed.</li>
 * </ul>
 * Blank lines are skipped and the final newline is optional. The index is the action's {@code _index}, else
 * the one from the URL; the id is the action's {@code _id}, else a generated one (it only answers the
 * shipper: the stored event's id is derived from its journal position).
 */
public final class BulkRequestParser {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();
    private static final Set<String> ACTIONS = Set.of("index", "create", "update", "delete");
    private static final int MAX_ID_BYTES = 512;

    private final Supplier<String> idGenerator;

    public BulkRequestParser(Supplier<String> idGenerator) {
        this.idGenerator = idGenerator;
    }

    /** A parser that makes 20-character random ids, like Elasticsearch's auto-generated ones. */
    public static BulkRequestParser withRandomIds() {
        return new BulkRequestParser(RandomIds::next);
    }

    /** Parses the whole body; {@code pathIndex} is the index from the URL or null. */
    public List<BulkItem> parse(InputStream body, String pathIndex) throws IOException {
        Lines lines = new Lines(new LineReader(body));
        List<BulkItem> items = new ArrayList<>();
        Lines.Line line;
        while ((line = lines.next()) != null) {
            items.add(parseItem(line, lines, pathIndex));
        }
        return items;
    }

    /**
     * Where documents go when neither the URL nor the action names an index. Elasticsearch refuses such items;
     * Vigil's indexes are only labels on events in day partitions, so it accepts them under this name.
     */
    public static final String DEFAULT_INDEX = "events";

    private BulkItem parseItem(Lines.Line actionLine, Lines lines, String pathIndex) throws IOException {
        ActionLine action = ActionLine.parse(actionLine.bytes());
        int number = actionLine.number();
        if (action.error() != null) {
            Lines.Line next = lines.peek();
            if (next != null && !ActionLine.looksLikeAction(next.bytes())) {
                lines.next();
            }
            return new BulkItem.Rejected("index", "", "", number, 400, "illegal_argument_exception",
                    "malformed action/metadata line [" + number + "]: " + action.error());
        }
        String index = action.index() != null ? action.index()
                : pathIndex == null || pathIndex.isEmpty() ? DEFAULT_INDEX : pathIndex;
        String id = action.id() != null ? action.id() : "";
        if (action.name().equals("delete") || action.name().equals("update")) {
            if (action.name().equals("update")) {
                lines.next();
            }
            return new BulkItem.Rejected(action.name(), index, id, number, 400, "illegal_argument_exception",
                    action.name() + " is not supported: Vigil keeps events immutable; use index or create");
        }
        Lines.Line document = lines.next();
        if (document == null) {
            return new BulkItem.Rejected(action.name(), index, id, number, 400, "action_request_validation_exception",
                    "the action on line [" + number + "] has no document line after it");
        }
        String problem = indexProblem(index);
        if (problem == null && id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            problem = "id is longer than " + MAX_ID_BYTES + " bytes";
        }
        if (problem != null) {
            String type = problem.startsWith("id") ? "action_request_validation_exception" : "invalid_index_name_exception";
            return new BulkItem.Rejected(action.name(), index, id, number, 400, type, problem);
        }
        return new BulkItem.Document(action.name(), index, id.isEmpty() ? idGenerator.get() : id,
                document.number(), document.bytes(), documentProblem(document));
    }

    /** Null when the line is exactly one JSON object; otherwise why not, naming the line. */
    static String documentProblem(Lines.Line line) {
        String problem = objectProblem(line.bytes());
        return problem == null ? null : "failed to parse document on line [" + line.number() + "]: " + problem;
    }

    static String objectProblem(byte[] bytes) {
        if (StrictJsonObject.isValid(bytes)) return null;
        return jacksonObjectProblem(bytes);
    }

    /** Jackson's verdict: the reference for what is one JSON object, and the source of the error messages. */
    static String jacksonObjectProblem(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return "expected a JSON object but found " + (first == null ? "nothing" : first.asString() == null
                        ? first.name() : "'" + first.asString() + "'");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                return "unexpected content after the JSON object at column " + parser.currentTokenLocation().getColumnNr();
            }
            return null;
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage() + " at column " + e.getLocation().getColumnNr();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Null for a usable index name, else the rule it breaks (the Elasticsearch naming rules). */
    static String indexProblem(String index) {
        if (index.isEmpty()) {
            return "index is missing: put it in the URL (/{index}/_bulk) or in the action's _index";
        }
        if (index.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
            return "index name [" + index.substring(0, 40) + "...] is longer than 255 bytes";
        }
        if (!index.equals(index.toLowerCase(java.util.Locale.ROOT))) {
            return "index name [" + index + "] must be lowercase";
        }
        if (index.startsWith("-") || index.startsWith("_") || index.startsWith("+") || index.equals(".") || index.equals("..")) {
            return "index name [" + index + "] must not start with '-', '_' or '+' or be '.' or '..'";
        }
        for (char c : index.toCharArray()) {
            if ("\\/*?\"<>| ,#:".indexOf(c) >= 0 || Character.isISOControl(c)) {
                return "index name [" + index + "] must not contain '" + c + "'";
            }
        }
        return null;
    }

    /** The parsed action/metadata line, or the reason it could not be read. */
    record ActionLine(String name, String index, String id, String error) {
        static ActionLine parse(byte[] bytes) {
            ActionLine plain = ActionLines.plain(bytes);
            return plain != null ? plain : parseTree(bytes);
        }

        /** The general reading, for action lines {@link ActionLines#plain} does not settle. */
        static ActionLine parseTree(byte[] bytes) {
            JsonNode node;
            try {
                node = MAPPER.readTree(bytes);
            } catch (IOException e) {
                return failed("not valid JSON (" + firstLine(e.getMessage()) + ")");
            }
            if (node == null || !node.isObject() || node.size() != 1) {
                return failed("expected an object with one of [create, delete, index, update]");
            }
            String name = node.fieldNames().next();
            JsonNode meta = node.get(name);
            if (!ACTIONS.contains(name)) {
                return failed("expected one of [create, delete, index, update] but found [" + name + "]");
            }
            if (!meta.isObject()) {
                return failed("the [" + name + "] metadata must be an object");
            }
            return new ActionLine(name, text(meta.get("_index")), text(meta.get("_id")), null);
        }

        static boolean looksLikeAction(byte[] bytes) {
            return parse(bytes).error() == null;
        }

        private static ActionLine failed(String error) {
            return new ActionLine(null, null, null, error);
        }

        private static String text(JsonNode value) {
            return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
        }

        private static String firstLine(String message) {
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
    }
}
