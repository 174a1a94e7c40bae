package io.vigil.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.vigil.access.Role;
import io.vigil.cases.Incident;
import io.vigil.cases.IncidentException;
import io.vigil.cases.IncidentFilter;
import io.vigil.cases.IncidentStatus;
import io.vigil.cases.Incidents;
import io.vigil.cases.Severity;
import io.vigil.cases.action.Containment;
import io.vigil.cases.report.IncidentReports;

/**
 * {@code /api/incidents}: list, detail, status moves, assignment, comments, containment actions with
 * approval, and reports (STIX 2.1, HTML, PDF). Reading needs viewer; changing needs analyst.
 */
public final class IncidentRoutes {
    private final Incidents incidents;
    private final Containment containment;
    private final IncidentReports reports;

    public IncidentRoutes(Incidents incidents, Containment containment, IncidentReports reports) {
        this.incidents = incidents;
        this.containment = containment;
        this.reports = reports;
    }

    public void register(RouteTable.Builder routes) {
        Access read = Access.role(Role.VIEWER);
        Access change = Access.role(Role.ANALYST);
        routes.get("/api/incidents", read, guard(this::list))
                .get("/api/incidents/{id}", read, guard(this::detail))
                .post("/api/incidents/{id}/status", change, guard(this::status))
                .post("/api/incidents/{id}/assign", change, guard(this::assign))
                .post("/api/incidents/{id}/comments", change, guard(this::comment))
                .post("/api/incidents/{id}/actions", change, guard(this::action))
                .post("/api/incidents/{id}/actions/{actionId}/approve", change, guard(this::approve))
                .get("/api/incidents/{id}/report", read, guard(this::report));
    }

    private void list(Context ctx) {
        IncidentFilter filter = new IncidentFilter(
                blank(ctx.queryParam("status")) ? null : IncidentStatus.parse(ctx.queryParam("status")),
                blank(ctx.queryParam("severity")) ? null : Severity.parse(ctx.queryParam("severity")),
                blank(ctx.queryParam("host")) ? null : ctx.queryParam("host"),
                blank(ctx.queryParam("limit")) ? 200 : Integer.parseInt(ctx.queryParam("limit")));
        ObjectNode body = Replies.object();
        incidents.find(filter).forEach(i -> body.withArray("incidents").add(IncidentJson.summary(i)));
        body.withArray("incidents");
        Replies.json(ctx, 200, body);
    }

    private void detail(Context ctx) {
        String id = ctx.pathParam("id");
        Replies.json(ctx, 200, IncidentJson.detail(incidents.detail(id), containment.actions(id)));
    }

    private void status(Context ctx) {
        ObjectNode body = Requests.jsonBody(ctx);
        IncidentStatus next = IncidentStatus.parse(Replies.requiredText(body, "status"));
        Incident moved = incidents.move(ctx.pathParam("id"), next, Requests.principal(ctx).user(), body.path("note").asText(null));
        Replies.json(ctx, 200, IncidentJson.summary(moved));
    }

    private void assign(Context ctx) {
        ObjectNode body = Requests.jsonBody(ctx);
        String assignee = body.path("assignee").isTextual() ? body.get("assignee").asText() : null;
        Replies.json(ctx, 200, IncidentJson.summary(incidents.assign(ctx.pathParam("id"), assignee, Requests.principal(ctx).user())));
    }

    private void comment(Context ctx) {
        String text = Replies.requiredText(Requests.jsonBody(ctx), "text");
        Replies.json(ctx, 201, IncidentJson.entry(incidents.comment(ctx.pathParam("id"), text, Requests.principal(ctx).user())));
    }

    private void action(Context ctx) {
        ObjectNode body = Requests.jsonBody(ctx);
        var record = containment.request(ctx.pathParam("id"), Replies.requiredText(body, "action"),
                body.path("host").asText(null), Requests.principal(ctx).user());
        Replies.json(ctx, 202, IncidentJson.action(record));
    }

    private void approve(Context ctx) {
        var record = containment.approve(ctx.pathParam("id"), ctx.pathParam("actionId"), Requests.principal(ctx).user());
        Replies.json(ctx, 202, IncidentJson.action(record));
    }

    private void report(Context ctx) {
        var detail = incidents.detail(ctx.pathParam("id"));
        var actions = containment.actions(detail.incident().id());
        String format = blank(ctx.queryParam("format")) ? "html" : ctx.queryParam("format");
        String file = "incident-" + detail.incident().id();
        switch (format) {
            case "stix" -> download(ctx, "application/stix+json;version=2.1", file + ".json", reports.stix(detail, actions));
            case "pdf" -> download(ctx, "application/pdf", file + ".pdf", reports.pdf(detail, actions));
            case "html" -> {
                // the report carries one <style> block and nothing else active; allow exactly that block
                ctx.header("Content-Security-Policy", "default-src 'none'; style-src '" + reports.htmlStyleHash()
                        + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
                download(ctx, "text/html; charset=utf-8", file + ".html", reports.html(detail, actions));
            }
            default -> throw new HttpError(400, "unknown report format '" + format + "'; use stix, html or pdf");
        }
    }

    private static void download(Context ctx, String type, String fileName, byte[] bytes) {
        ctx.status(200).contentType(type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").result(bytes);
    }

    /** Maps the cases stage's refusals onto HTTP statuses. */
    private static Handler guard(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (IncidentException.NotFound e) {
                throw new HttpError(404, e.getMessage());
            } catch (IncidentException.IllegalMove e) {
                ObjectNode body = Replies.object().put("error", e.getMessage()).put("status", 409);
                e.allowed().forEach(s -> body.withArray("allowed").add(s.wire()));
                body.withArray("allowed");
                throw new HttpError(409, e.getMessage(), body);
            } catch (IncidentException.Conflict e) {
                throw new HttpError(409, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, e.getMessage());
            }
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
