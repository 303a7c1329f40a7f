package org.podloop.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.podloop.classification.ClassificationService;
import org.podloop.classification.FindingView;
import org.podloop.classification.FiredRule;
import org.podloop.classification.SignalsClassified;
import org.podloop.identity.ApiTokenIssued;
import org.podloop.identity.ApiTokenRevoked;
import org.podloop.identity.Directory;
import org.podloop.loop.LoopStepRecorded;
import org.podloop.process.InstancesMigrated;
import org.podloop.process.ProcessesDeployed;
import org.podloop.rules.RulesetActivated;
import org.podloop.signal.SnapshotRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns the other modules' past-tense events into audit entries, in the transaction that caused them. */
@Component
class AuditRecorder {

    private final AuditTrail trail;
    private final ClassificationService classification;
    private final Directory directory;

    AuditRecorder(AuditTrail trail, ClassificationService classification, Directory directory) {
        this.trail = trail;
        this.classification = classification;
        this.directory = directory;
    }

    /** Aggregates only: the stored team-level values, never an answer. */
    @EventListener
    void snapshotRecorded(SnapshotRecorded event) {
        var snapshot = event.snapshot();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("team", snapshot.teamKey());
        content.put("snapshotId", snapshot.id());
        content.put("externalId", snapshot.externalId());
        content.put("measuredAt", snapshot.measuredAt());
        content.put("respondents", snapshot.respondents());
        content.put("metrics", snapshot.metrics());
        trail.append("SNAPSHOT_RECORDED", null, directory.currentActor(), content);
    }

    @EventListener
    void signalsClassified(SignalsClassified event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("team", event.teamKey());
        content.put("snapshotId", event.snapshotId());
        content.put("rulesetVersion", event.rulesetVersion());
        content.put("findings", summary(event.findings()));
        trail.append("SIGNALS_CLASSIFIED", null, directory.currentActor(), content);
    }

    /** Every loop step; steps about a snapshot carry its classification: findings, rules fired, ruleset version. */
    @EventListener
    void loopStep(LoopStepRecorded event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("iteration", event.iteration());
        content.put("detail", event.detail());
        if (event.snapshotId() != null) {
            content.put("snapshot", classificationOf(event.snapshotId()));
        }
        trail.append(event.type().name(), event.loopId(), event.actor(), content);
    }

    @EventListener
    void processesDeployed(ProcessesDeployed event) {
        trail.append(
                "PROCESSES_DEPLOYED",
                null,
                event.actor(),
                Map.of(
                        "deploymentId",
                        event.deploymentId(),
                        "name",
                        String.valueOf(event.deploymentName()),
                        "source",
                        String.valueOf(event.source()),
                        "definitions",
                        event.definitions()));
    }

    @EventListener
    void instancesMigrated(InstancesMigrated event) {
        trail.append("INSTANCES_MIGRATED", null, event.actor(), Map.of("report", event.report()));
    }

    @EventListener
    void rulesetActivated(RulesetActivated event) {
        trail.append(
                "RULESET_ACTIVATED",
                null,
                directory.currentActor(),
                Map.of("version", event.version(), "previousVersion", event.previousVersion()));
    }

    /** Who may act as a technical client is governance's business: the token's id and name, never its secret. */
    @EventListener
    void apiTokenIssued(ApiTokenIssued event) {
        trail.append(
                "API_TOKEN_ISSUED",
                null,
                event.issuedBy(),
                Map.of("tokenId", event.tokenId(), "user", event.user(), "name", event.name()));
    }

    @EventListener
    void apiTokenRevoked(ApiTokenRevoked event) {
        trail.append(
                "API_TOKEN_REVOKED",
                null,
                event.revokedBy(),
                Map.of("tokenId", event.tokenId(), "user", event.user(), "name", event.name()));
    }

    private Map<String, Object> classificationOf(UUID snapshotId) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("snapshotId", snapshotId);
        classification.classificationOf(snapshotId).ifPresent(c -> {
            content.put("rulesetVersion", c.rulesetVersion());
            content.put("findings", summary(c.findings()));
        });
        return content;
    }

    private static List<Map<String, Object>> summary(List<FindingView> findings) {
        return findings.stream()
                .map(f -> Map.<String, Object>of(
                        "pattern",
                        f.pattern(),
                        "severity",
                        f.severity(),
                        "rules",
                        f.rules().stream().map(FiredRule::name).toList()))
                .toList();
    }
}
