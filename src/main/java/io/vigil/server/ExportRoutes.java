package io.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vigil.access.Role;
import io.vigil.access.audit.AuditLog;
import io.vigil.search.SearchException;
import io.vigil.search.SearchService;
import io.vigil.web.Access;
import io.vigil.web.HttpError;
import io.vigil.web.Requests;
import io.vigil.web.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/export}: the events of a search as CSV or NDJSON, for analysts only — viewers can read
 * masked pages but not take the data away in bulk. At most {@value #MAX_ROWS} events per export; every
 * export is audited with its query and row count.
 *
 * <p>Body: the search request ({@code query}, {@code from}, {@code to}, {@code sort}) plus {@code format}
 * ({@code ndjson} or {@code csv}), {@code fields} (CSV columns; default time, host, message) and {@code limit}.
 */
final class ExportRoutes {
    static final int MAX_ROWS = 100_000;
    private static final int PAGE = 1_000;

    private final SearchService search;
    private final AuditLog audit;

    ExportRoutes(SearchService search, AuditLog audit) {
        this.search = search;
        this.audit = audit;
    }

    void register(RouteTable.Builder routes) {
        routes.post("/api/export", Access.role(Role.ANALYST), this::export);
    }

    private void export(Context ctx) {
        ObjectNode body = Requests.jsonBody(ctx);
        String format = body.path("format").asText("ndjson");
        if (!format.equals("ndjson") && !format.equals("csv")) throw new HttpError(400, "format must be ndjson or csv");
        int limit = Math.clamp(body.path("limit").asInt(MAX_ROWS), 1, MAX_ROWS);
        List<String> fields = new ArrayList<>();
        body.path("fields").forEach(f -> fields.add(f.asText()));
        if (fields.isEmpty()) fields.addAll(List.of("@timestamp", "host.name", "event.code", "message"));
        ObjectNode request = body.deepCopy();
        request.remove(List.of("format", "limit", "fields", "aggs"));
        StringBuilder out = new StringBuilder();
        if (format.equals("csv")) out.append(csvLine(fields)).append('\n');
        int rows = 0;
        try {
            while (rows < limit) {
                request.put("size", Math.min(PAGE, limit - rows));
                JsonNode page = search.search(request);
                JsonNode hits = page.path("hits");
                for (JsonNode hit : hits) {
                    out.append(format.equals("csv") ? csvRow(hit, fields) : hit.path("_source").toString()).append('\n');
                    rows++;
                }
                if (hits.size() < request.get("size").asInt()) break;
                request.set("search_after", hits.get(hits.size() - 1).path("sort"));
            }
        } catch (SearchException e) {
            throw new HttpError(400, e.getMessage());
        }
        audit.record(Requests.principal(ctx).user(), "export", format,
                Map.of("query", body.path("query").asText(""), "rows", Integer.toString(rows)));
        ctx.header("Content-Disposition", "attachment; filename=\"vigil-export." + format + "\"");
        ctx.contentType(format.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson");
        ctx.result(out.toString());
    }

    private static String csvRow(JsonNode hit, List<String> fields) {
        List<String> values = new ArrayList<>(fields.size());
        for (String f : fields) {
            JsonNode v = f.equals("@timestamp") ? hit.path("@timestamp") : hit.path("_source").at("/" + f.replace(".", "/"));
            values.add(v.isMissingNode() || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
        }
        return csvLine(values);
    }

    /** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
    static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append(',');
            String c = cells.get(i);
            if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0) c = "'" + c;
            line.append('"').append(c.replace("\"", "\"\"")).append('"');
        }
        return line.toString();
    }

}
