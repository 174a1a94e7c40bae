package io.vigil.web.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises one service at a base URL and judges what an anonymous caller can read. Order matters: Vigil
 * first (it imitates Elasticsearch at {@code /} for shippers, behind authentication), then Kibana and
 * OpenSearch Dashboards (response headers {@code kbn-name} / {@code osd-name}), Graylog
 * ({@code X-Graylog-Node-ID}, {@code /api/system/lbstatus}), and Elasticsearch/OpenSearch ({@code GET /}).
 */
final class ServiceProbes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LISTED_INDICES = 10;

    private final HttpProbe http;

    ServiceProbes(HttpProbe http) {
        this.http = http;
    }

    /** What runs at {@code base}, or empty when nothing recognisable answers. */
    Optional<Finding> identify(URI base, HttpProbe.Answer root) {
        String url = base.toString();
        if (root.header("WWW-Authenticate").orElse("").contains("realm=\"vigil\"")) {
            return Optional.of(vigil(base, url));
        }
        Optional<HttpProbe.Answer> status = http.get(base, "/api/status");
        boolean kibana = has(root, "kbn-name") || status.map(a -> has(a, "kbn-name")).orElse(false);
        boolean dashboards = has(root, "osd-name") || status.map(a -> has(a, "osd-name")).orElse(false);
        if (kibana || dashboards) {
            return Optional.of(dashboard(base, url, dashboards ? "OpenSearch Dashboards" : "Kibana", status.orElse(root)));
        }
        Optional<HttpProbe.Answer> lb = http.get(base, "/api/system/lbstatus");
        if (has(root, "X-Graylog-Node-ID") || lb.map(a -> has(a, "X-Graylog-Node-ID")
                || a.body().strip().matches("(?i)ALIVE|DEAD|THROTTLED")).orElse(false)) {
            return Optional.of(graylog(base, url));
        }
        return elasticsearch(base, url, root);
    }

    private Finding vigil(URI base, String url) {
        List<String> evidence = new ArrayList<>();
        http.get(base, "/health").ifPresent(a -> evidence.add("GET /health -> " + a.status() + " " + clip(a.body())));
        int me = http.get(base, "/api/me").map(HttpProbe.Answer::status).orElse(0);
        int search = http.get(base, "/_cat/indices").map(HttpProbe.Answer::status).orElse(0);
        evidence.add("GET /api/me -> " + me);
        evidence.add("GET /_cat/indices -> " + search);
        if (me == 200 || search == 200) {
            return new Finding(url, "Vigil", Severity.CRITICAL, "Vigil API answers without credentials", evidence);
        }
        String transport = base.getScheme().equals("http") ? " (plain HTTP: credentials cross the network in clear)" : "";
        return new Finding(url, "Vigil", Severity.INFO, "Vigil requires authentication" + transport, evidence);
    }

    private Finding dashboard(URI base, String url, String product, HttpProbe.Answer status) {
        List<String> evidence = new ArrayList<>();
        evidence.add("GET /api/status -> " + status.status() + header(status, "kbn-name") + header(status, "osd-name"));
        for (String path : List.of("/api/data_views", "/api/saved_objects/_find?type=index-pattern&per_page=20")) {
            Optional<HttpProbe.Answer> answer = http.get(base, path);
            int code = answer.map(HttpProbe.Answer::status).orElse(0);
            evidence.add("GET " + path + " -> " + code);
            if (code == 200) {
                List<String> titles = answer.get().body().isEmpty() ? List.of() : titles(answer.get().body());
                evidence.add("readable data views / index patterns: " + (titles.isEmpty() ? "(list returned)" : String.join(", ", titles)));
                return new Finding(url, product, Severity.CRITICAL, product + " data views are readable without credentials", evidence);
            }
        }
        if (status.status() == 200) {
            return new Finding(url, product, Severity.HIGH, product + " answers without credentials (status page), no data view readable", evidence);
        }
        return new Finding(url, product, Severity.INFO, product + " requires authentication", evidence);
    }

    private Finding graylog(URI base, String url) {
        List<String> evidence = new ArrayList<>();
        evidence.add("GET /api/system/lbstatus answered (Graylog node)");
        int system = http.get(base, "/api/system").map(HttpProbe.Answer::status).orElse(0);
        int streams = http.get(base, "/api/streams").map(HttpProbe.Answer::status).orElse(0);
        evidence.add("GET /api/system -> " + system);
        evidence.add("GET /api/streams -> " + streams);
        if (streams == 200) {
            return new Finding(url, "Graylog", Severity.CRITICAL, "Graylog streams are readable without credentials", evidence);
        }
        if (system == 200) {
            return new Finding(url, "Graylog", Severity.HIGH, "Graylog API answers without credentials", evidence);
        }
        return new Finding(url, "Graylog", Severity.INFO, "Graylog requires authentication", evidence);
    }

    private Optional<Finding> elasticsearch(URI base, String url, HttpProbe.Answer root) {
        JsonNode doc = parse(root.body());
        boolean readable = root.status() == 200 && doc != null && doc.has("cluster_name") && doc.has("version");
        String challenge = root.header("WWW-Authenticate").orElse("");
        boolean protectedSearch = (root.status() == 401 || root.status() == 403)
                && (has(root, "X-elastic-product") || challenge.contains("security") || challenge.contains("OpenSearch"));
        if (!readable && !protectedSearch) {
            return Optional.empty();
        }
        boolean opensearch = readable ? "opensearch".equals(doc.path("version").path("distribution").asText())
                : challenge.contains("OpenSearch");
        String product = opensearch ? "OpenSearch" : "Elasticsearch";
        List<String> evidence = new ArrayList<>();
        evidence.add("GET / -> " + root.status() + (readable ? " cluster_name=" + doc.path("cluster_name").asText()
                + " version=" + doc.path("version").path("number").asText() : " " + challenge));
        if (!readable) {
            return Optional.of(new Finding(url, product, Severity.INFO, product + " requires authentication", evidence));
        }
        Optional<HttpProbe.Answer> cat = http.get(base, "/_cat/indices?format=json");
        JsonNode indices = cat.filter(a -> a.status() == 200).map(a -> parse(a.body())).orElse(null);
        evidence.add("GET /_cat/indices?format=json -> " + cat.map(HttpProbe.Answer::status).orElse(0));
        if (indices != null && indices.isArray()) {
            List<String> listed = new ArrayList<>();
            for (JsonNode index : indices) {
                if (listed.size() < MAX_LISTED_INDICES) {
                    listed.add(index.path("index").asText() + " (" + index.path("docs.count").asText("?") + " docs)");
                }
            }
            evidence.add(indices.size() + " index(es) readable: " + String.join(", ", listed));
            return Optional.of(new Finding(url, product, Severity.CRITICAL, product + " index names and document counts"
                    + " are readable without credentials", evidence));
        }
        return Optional.of(new Finding(url, product, Severity.HIGH, product + " answers without credentials; index list refused",
                evidence));
    }

    private static List<String> titles(String body) {
        JsonNode node = parse(body);
        List<String> titles = new ArrayList<>();
        if (node != null) {
            for (JsonNode title : node.findValues("title")) {
                if (titles.size() < MAX_LISTED_INDICES) {
                    titles.add(title.asText());
                }
            }
            node.findValues("name").stream().limit(MAX_LISTED_INDICES - titles.size()).forEach(n -> titles.add(n.asText()));
        }
        return titles;
    }

    private static boolean has(HttpProbe.Answer answer, String header) {
        return answer.header(header).isPresent();
    }

    private static String header(HttpProbe.Answer answer, String name) {
        return answer.header(name).map(v -> " " + name.toLowerCase(Locale.ROOT) + "=" + v).orElse("");
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String clip(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 120) + "…" : t;
    }
}
