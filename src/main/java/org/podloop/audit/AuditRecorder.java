package org.podloop.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.podloop.classification.ClassificationService;
import org.podloop.classification.FiredRule;
import org.podloop.classification.RulesetActivated;
import org.podloop.classification.SignalsClassified;
import org.podloop.loop.InstancesMigrated;
import org.podloop.loop.LoopStepRecorded;
import org.podloop.loop.ProcessesDeployed;
import org.podloop.signal.SignalService;
import org.podloop.signal.SnapshotRecorded;
import org.podloop.identity.Directory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns the other modules' past-tense events into audit entries, in the transaction that caused them. */
@Component
class AuditRecorder {

    private final AuditTrail trail;
    private final SignalService signals;
    private final ClassificationService classification;
    private final Directory directory;
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    AuditRecorder(AuditTrail trail, SignalService signals, ClassificationService classification, Directory directory) {
        this.trail = trail;
        this.signals = signals;
        this.classification = classification;
        this.directory = directory;
    }

    /** Aggregates only: the stored team-level values, never an answer. */
    @EventListener
    void snapshotRecorded(SnapshotRecorded event) {
        var snapshot = signals.snapshot(event.snapshotId());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("team", event.teamKey());
        content.put("snapshotId", event.snapshotId());
        content.put("externalId", event.externalId());
        content.put("measuredAt", snapshot.measuredAt());
        content.put("respondents", snapshot.respondents());
        content.put("metrics", snapshot.metrics());
        trail.append("SNAPSHOT_RECORDED", null, directory.currentUser(), content);
    }

    @EventListener
    void signalsClassified(SignalsClassified event) {
        trail.append("SIGNALS_CLASSIFIED", null, directory.currentUser(), classificationOf(event.snapshotId(), event.teamKey()));
    }

    /** Every loop step; steps about a snapshot carry its classification: findings, rules fired, ruleset version. */
    @EventListener
    void loopStep(LoopStepRecorded event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("iteration", event.iteration());
        content.put("detail", tree(event.detailJson()));
        if (event.snapshotId() != null) {
            content.put("snapshot", classificationOf(event.snapshotId(), null));
        }
        trail.append(event.type().name(), event.loopId(), event.actor(), content);
    }

    @EventListener
    void processesDeployed(ProcessesDeployed event) {
        trail.append("PROCESSES_DEPLOYED", null, event.actor(), Map.of("deploymentId", event.deploymentId(),
                "name", String.valueOf(event.deploymentName()), "source", String.valueOf(event.source()), "definitions", event.definitions()));
    }

    @EventListener
    void instancesMigrated(InstancesMigrated event) {
        trail.append("INSTANCES_MIGRATED", null, event.actor(), Map.of("report", event.report()));
    }

    @EventListener
    void rulesetActivated(RulesetActivated event) {
        trail.append("RULESET_ACTIVATED", null, directory.currentUser(),
                Map.of("version", event.version(), "previousVersion", event.previousVersion()));
    }

    private Map<String, Object> classificationOf(java.util.UUID snapshotId, String team) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (team != null) {
            content.put("team", team);
        }
        content.put("snapshotId", snapshotId);
        classification.classificationOf(snapshotId).ifPresent(c -> {
            content.put("rulesetVersion", c.rulesetVersion());
            content.put("findings", c.findings().stream().map(f -> Map.of("pattern", f.pattern(), "severity", f.severity(),
                    "rules", f.rules().stream().map(FiredRule::name).toList())).toList());
        });
        return content;
    }

    private Object tree(String detailJson) {
        try {
            return json.readTree(detailJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return detailJson;
        }
    }
}
