package io.vigil.cases.action;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertRepository;
import io.vigil.cases.AuditSink;
import io.vigil.cases.Incident;
import io.vigil.cases.IncidentException;
import io.vigil.cases.IncidentRepository;
import io.vigil.cases.Incidents;
import io.vigil.cases.Placement;
import io.vigil.cases.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs configured actions on incidents: manually ({@link #request}), automatically when a triggering alert is
 * placed ({@link #onPlacements}), or after approval ({@link #approve}). Sends run on virtual threads with
 * retries, so neither the pipeline nor an HTTP request waits for a slow receiver. Every request, approval and
 * outcome goes onto the incident's timeline and to the {@link AuditSink}.
 * Thread-safe. An automatic action fires at most once per incident, action and host (its id is derived
 * from those), so replays and repeated alerts do not isolate a host again and again.
 */
public final class Containment implements AutoCloseable {
    /** The stores actions read and write. */
    public record Stores(IncidentRepository incidents, ActionRepository actions, AlertRepository alerts) {
    }

    private final ActionsConfig config;
    private final Stores stores;
    private final AuditSink audit;
    private final Clock clock;
    private final ActionDispatch dispatch;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, CompletableFuture<ActionRecord>> running = new ConcurrentHashMap<>();

    public Containment(ActionsConfig config, Stores stores, AuditSink audit, Clock clock) {
        this.config = config;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
        this.dispatch = new ActionDispatch(config, clock);
    }

    public ActionsConfig config() {
        return config;
    }

    /** An analyst asks for an action; {@code host} must be one of the incident's hosts (or null if it has at most one). */
    public ActionRecord request(String incidentId, String actionName, String host, String actor) {
        Incident incident = incident(incidentId);
        ActionDefinition action = config.action(actionName).orElseThrow(() -> new IllegalArgumentException(
                "no action named '" + actionName + "'; configured: " + config.byName().keySet()));
        String target = targetHost(incident, host);
        ActionRecord record = new ActionRecord("act-" + UUID.randomUUID(), incidentId, action.name(), target, null, actor,
                clock.instant(), ActionRecord.State.PENDING_APPROVAL, null, 0, null, null);
        stores.actions().insertNew(record);
        return start(record, action, null);
    }

    /** Runs the actions whose triggers match each placed alert (call after {@link Incidents#onNewAlerts}). */
    public List<ActionRecord> onPlacements(List<Placement> placements) {
        List<ActionRecord> started = new ArrayList<>();
        for (Placement p : placements) {
            for (RuleTrigger trigger : config.triggers()) {
                if (!trigger.matches(p.alert())) continue;
                for (String name : trigger.actions()) {
                    ActionDefinition action = config.action(name).orElseThrow();
                    ActionRecord record = new ActionRecord(autoId(p.incident().id(), name, p.alert().host()), p.incident().id(),
                            name, p.alert().host(), p.alert().id(), Incidents.SYSTEM, clock.instant(),
                            ActionRecord.State.PENDING_APPROVAL, null, 0, null, null);
                    if (stores.actions().insertNew(record)) started.add(start(record, action, p.alert()));
                }
            }
        }
        return started;
    }

    /** Fires a pending action; the approver must not be the requester. */
    public synchronized ActionRecord approve(String incidentId, String actionId, String approver) {
        ActionRecord record = stores.actions().get(actionId).filter(r -> r.incidentId().equals(incidentId))
                .orElseThrow(() -> new IncidentException.NotFound("action " + actionId + " on incident " + incidentId));
        if (record.state() != ActionRecord.State.PENDING_APPROVAL) {
            throw new IncidentException.Conflict("action " + actionId + " is " + record.state().wire() + ", not pending approval");
        }
        if (record.requestedBy().equals(approver)) {
            throw new IncidentException.Conflict("action " + actionId + " was requested by " + approver
                    + "; another analyst or admin must approve it");
        }
        ActionDefinition action = config.action(record.actionName()).orElseThrow(() -> new IncidentException.Conflict(
                "action " + record.actionName() + " is no longer configured"));
        Alert alert = record.alertId() == null ? null : stores.alerts().get(record.alertId()).orElse(null);
        timeline(record, approver, "action " + record.actionName() + " approved by " + approver);
        audit.record(approver, "incident.action.approve", incidentId, Map.of("action", record.actionName(), "id", actionId));
        return fire(record.running(approver), action, alert);
    }

    public List<ActionRecord> actions(String incidentId) {
        return stores.actions().forIncident(incidentId);
    }

    /** Completes when the action reaches a final state (immediately if it already has; never while pending). */
    public CompletableFuture<ActionRecord> completion(String actionId) {
        CompletableFuture<ActionRecord> f = running.get(actionId);
        if (f != null) return f;
        Optional<ActionRecord> r = stores.actions().get(actionId);
        return r.filter(x -> x.state().isFinal()).map(CompletableFuture::completedFuture)
                .orElseGet(() -> running.computeIfAbsent(actionId, id -> new CompletableFuture<>()));
    }

    private ActionRecord start(ActionRecord record, ActionDefinition action, Alert alert) {
        if (action.requiresApproval()) {
            timeline(record, record.requestedBy(), "action " + action.name() + " (" + action.kind() + ")"
                    + (record.targetHost() == null ? "" : " for host " + record.targetHost()) + " requested; awaiting approval");
            audit.record(record.requestedBy(), "incident.action.request", record.incidentId(), Map.of("action", action.name()));
            return record;
        }
        return fire(record.running(null), action, alert);
    }

    private ActionRecord fire(ActionRecord record, ActionDefinition action, Alert alert) {
        stores.actions().update(record);
        CompletableFuture<ActionRecord> done = running.computeIfAbsent(record.id(), id -> new CompletableFuture<>());
        executor.execute(() -> {
            ActionRecord finished = runToEnd(record, action, alert);
            running.remove(record.id());
            done.complete(finished);
        });
        return record;
    }

    private ActionRecord runToEnd(ActionRecord record, ActionDefinition action, Alert alert) {
        ActionRecord finished;
        try {
            Incident incident = incident(record.incidentId());
            ActionContext ctx = new ActionContext(incident, alert, record.targetHost(), record.requestedBy(), action.name(), record.id());
            Retrier.Result result = dispatch.run(action, ctx);
            ActionRecord.State state = result.succeeded() ? ActionRecord.State.SUCCEEDED : ActionRecord.State.FAILED;
            finished = record.finished(state, result.attempts(), result.last().detail(), clock.instant());
        } catch (Allowlist.DestinationRefused e) {
            finished = record.finished(ActionRecord.State.REFUSED, 0, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            finished = record.finished(ActionRecord.State.FAILED, record.attempts(), "action failed: " + e, clock.instant());
        }
        stores.actions().update(finished);
        String text = "action " + action.name() + " (" + action.kind() + ") " + finished.state().wire() + " after "
                + finished.attempts() + " attempt(s): " + finished.result();
        timeline(finished, finished.approvedBy() == null ? finished.requestedBy() : finished.approvedBy(), text);
        audit.record(finished.requestedBy(), "incident.action." + action.kind(), finished.incidentId(), Map.of(
                "action", action.name(), "id", finished.id(), "state", finished.state().wire(),
                "attempts", Integer.toString(finished.attempts()), "host", String.valueOf(finished.targetHost()),
                "result", String.valueOf(finished.result())));
        return finished;
    }

    private void timeline(ActionRecord record, String actor, String text) {
        List<String> refs = record.alertId() == null ? List.of(record.id()) : List.of(record.id(), record.alertId());
        stores.incidents().append(record.incidentId(), new TimelineEntry(0, clock.instant(), TimelineEntry.Kind.ACTION,
                actor, text, refs));
    }

    private Incident incident(String id) {
        return stores.incidents().get(id).orElseThrow(() -> new IncidentException.NotFound("incident " + id));
    }

    private static String targetHost(Incident incident, String host) {
        if (host != null && !host.isBlank()) {
            if (!incident.hosts().contains(host)) {
                throw new IllegalArgumentException("host " + host + " is not affected by incident " + incident.id()
                        + "; its hosts: " + incident.hosts());
            }
            return host;
        }
        if (incident.hosts().size() > 1) {
            throw new IllegalArgumentException("incident " + incident.id() + " affects " + incident.hosts()
                    + "; say which one in 'host'");
        }
        return incident.hosts().isEmpty() ? null : incident.hosts().iterator().next();
    }

    private static String autoId(String incidentId, String action, String host) {
        String key = "auto\0" + incidentId + "\0" + action + "\0" + (host == null ? "" : host);
        return "act-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
