package io.vigil.web.posture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Renders posture checks as JSON ({@code fix_first}: failing and warning checks in order) or a static HTML page. */
public final class PostureReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PostureReport() {
    }

    public static ObjectNode json(List<PostureCheck> checks, Instant at) {
        ObjectNode root = JSON.createObjectNode().put("assessed_at", at.toString());
        ArrayNode all = root.putArray("checks");
        ArrayNode first = root.putArray("fix_first");
        for (PostureCheck c : checks) {
            all.addObject().put("area", c.area()).put("status", c.status().name().toLowerCase(java.util.Locale.ROOT))
                    .put("finding", c.finding()).put("fix", c.fix());
            if (c.status() != PostureCheck.Status.PASS) {
                first.add(c.area() + ": " + c.fix());
            }
        }
        return root;
    }

    public static String html(List<PostureCheck> checks, Instant at) {
        StringBuilder out = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Vigil posture</title>"
                + "<style>body{font-family:sans-serif}td{padding:4px 8px;vertical-align:top}.fail{color:#b00020;font-weight:bold}"
                + ".warn{color:#c65d00}.pass{color:#2e7d32}</style></head><body><h1>Security posture</h1><p>Assessed "
                + at + "</p><table><tr><th>Status</th><th>Area</th><th>Finding</th><th>What to do</th></tr>");
        for (PostureCheck c : checks) {
            String status = c.status().name().toLowerCase(java.util.Locale.ROOT);
            out.append("<tr><td class=\"").append(status).append("\">").append(status).append("</td><td>")
                    .append(escape(c.area())).append("</td><td>").append(escape(c.finding())).append("</td><td>")
                    .append(escape(c.fix())).append("</td></tr>");
        }
        return out.append("</table></body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
