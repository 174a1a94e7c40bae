package io.vigil.web.exposure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders findings as a text table, JSON, or a self-contained HTML page (no scripts; every value escaped). */
public final class ExposureReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExposureReport() {
    }

    public static String table(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "no Elasticsearch, OpenSearch, Kibana, OpenSearch Dashboards, Graylog or Vigil service answered\n";
        }
        StringBuilder out = new StringBuilder(String.format("%-9s %-22s %-34s %s%n", "SEVERITY", "PRODUCT", "URL", "SUMMARY"));
        for (Finding f : findings) {
            out.append(String.format("%-9s %-22s %-34s %s%n", f.severity().lowerName(), f.product(), f.url(), f.summary()));
            f.evidence().forEach(e -> out.append("          - ").append(e).append('\n'));
        }
        return out.toString();
    }

    public static ObjectNode json(List<Finding> findings) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode node = array.addObject().put("url", f.url()).put("product", f.product())
                    .put("severity", f.severity().lowerName()).put("summary", f.summary());
            f.evidence().forEach(node.putArray("evidence")::add);
        }
        return root;
    }

    public static String html(List<Finding> findings) {
        StringBuilder out = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Vigil exposure check"
                + "</title><style>body{font-family:sans-serif}td{vertical-align:top;padding:4px 8px}"
                + ".critical{color:#b00020;font-weight:bold}.high{color:#c65d00}.info{color:#555}</style></head><body>"
                + "<h1>Exposure check</h1><table><tr><th>Severity</th><th>Product</th><th>URL</th><th>Summary</th>"
                + "<th>Evidence</th></tr>");
        for (Finding f : findings) {
            out.append("<tr><td class=\"").append(f.severity().lowerName()).append("\">").append(f.severity().lowerName())
                    .append("</td><td>").append(escape(f.product())).append("</td><td>").append(escape(f.url()))
                    .append("</td><td>").append(escape(f.summary())).append("</td><td><ul>");
            f.evidence().forEach(e -> out.append("<li>").append(escape(e)).append("</li>"));
            out.append("</ul></td></tr>");
        }
        return out.append("</table>").append(findings.isEmpty() ? "<p>No service answered.</p>" : "")
                .append("</body></html>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
