package io.vigil.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.vigil.access.Role;

/**
 * Just enough of the Elasticsearch API for shippers (Filebeat, Logstash, Fluent Bit, Vector) to accept
 * Vigil as an output: the version document at {@code /}, a basic licence, cluster health, and
 * acknowledgements for index templates and ILM policies so "setup" steps do not fail. Nothing here
 * changes how events are stored. All of it needs the ingest role (admin also has it).
 */
final class EsCompatRoutes {
    static final String VERSION = "8.11.0";
    private static final Access INGEST = Access.role(Role.INGEST);

    void addTo(RouteTable.Builder routes) {
        routes.get("/", INGEST, this::root)
                .head("/", INGEST, ctx -> reply(ctx, Replies.object()))
                .get("/_license", INGEST, this::license)
                .get("/_cluster/health", INGEST, ctx -> reply(ctx, Replies.object()
                        .put("cluster_name", "vigil").put("status", "green").put("number_of_nodes", 1)))
                .get("/_cat/indices", INGEST, ctx -> {
                    markElasticsearch(ctx);
                    Replies.json(ctx, 200, Replies.JSON.createArrayNode());
                })
                .put("/_index_template/{name}", INGEST, EsCompatRoutes::acknowledge)
                .get("/_index_template/{name}", INGEST, ctx -> reply(ctx, template(ctx.pathParam("name"))))
                .head("/_index_template/{name}", INGEST, ctx -> reply(ctx, Replies.object()))
                .put("/_ilm/policy/{name}", INGEST, EsCompatRoutes::acknowledge)
                .get("/_ilm/policy/{name}", INGEST, ctx -> reply(ctx, policy(ctx.pathParam("name"))));
    }

    /** The Elasticsearch clients (e.g. the Go and Java ones) check this header on every response. */
    static void markElasticsearch(Context ctx) {
        ctx.header("X-Elastic-Product", "Elasticsearch");
    }

    private void root(Context ctx) {
        ObjectNode body = Replies.object().put("name", "vigil").put("cluster_name", "vigil")
                .put("cluster_uuid", "vigil-single-node");
        body.putObject("version").put("number", VERSION).put("build_flavor", "default").put("build_type", "vigil")
                .put("build_hash", "vigil").put("build_date", "2023-11-04T10:04:57.184859352Z")
                .put("build_snapshot", false).put("lucene_version", "9.8.0")
                .put("minimum_wire_compatibility_version", "7.17.0")
                .put("minimum_index_compatibility_version", "7.0.0");
        body.put("tagline", "You Know, for Search");
        reply(ctx, body);
    }

    private void license(Context ctx) {
        ObjectNode body = Replies.object();
        body.putObject("license").put("status", "active").put("uid", "vigil").put("type", "basic")
                .put("issue_date_in_millis", 0).put("max_nodes", 1000).put("issued_to", "vigil")
                .put("issuer", "vigil").put("start_date_in_millis", -1);
        reply(ctx, body);
    }

    private static void acknowledge(Context ctx) {
        reply(ctx, Replies.object().put("acknowledged", true));
    }

    private static ObjectNode template(String name) {
        ObjectNode body = Replies.object();
        ObjectNode entry = body.putArray("index_templates").addObject().put("name", name);
        entry.putObject("index_template").putArray("index_patterns").add(name + "*");
        return body;
    }

    private static ObjectNode policy(String name) {
        ObjectNode body = Replies.object();
        ObjectNode entry = body.putObject(name).put("version", 1);
        entry.putObject("policy").putObject("phases");
        return body;
    }

    private static void reply(Context ctx, ObjectNode body) {
        markElasticsearch(ctx);
        Replies.json(ctx, 200, body);
    }
}
