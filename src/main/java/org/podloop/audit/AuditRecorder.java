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
import org.podloop.loop.LoopService;
import org.podloop.loop.LoopStepRecorded;
import org.podloop.notification.NudgeSent;
import org.podloop.process.InstancesMigrated;
import org.podloop.process.ProcessesDeployed;
import org.podloop.pulse.PulseRoundClosed;
import org.podloop.pulse.PulseRoundOpened;
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
    private final LoopService loops;

    AuditRecorder(AuditTrail trail, ClassificationService classification, Directory directory, LoopService loops) {
        this.trail = trail;
        this.loops = loops;
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
        trail.append("SNAPSHOT_RECORDED", EntryScope.team(snapshot.teamKey()), directory.currentActor(), content);
    }

    @EventListener
    void signalsClassified(SignalsClassified event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("team", event.teamKey());
        content.put("snapshotId", event.snapshotId());
        content.put("rulesetVersion", event.rulesetVersion());
        content.put("findings", summary(event.findings()));
        trail.append("SIGNALS_CLASSIFIED", EntryScope.team(event.teamKey()), directory.currentActor(), content);
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
        String team = loops.teamOf(event.loopId());
        String roles = event.actor() == null ? null : rolesOf(event.actor(), team);
        trail.append(event.type().name(), new EntryScope(team, event.loopId(), roles), event.actor(), content);
    }

    @EventListener
    void pulseRoundOpened(PulseRoundOpened event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("team", event.team());
        content.put("roundId", event.roundId());
        content.put("metrics", event.metrics());
        content.put("invited", event.invited());
        content.put("closesAt", event.closesAt());
        trail.append("PULSE_ROUND_OPENED", EntryScope.team(event.team()), event.openedBy(), content);
    }

    /** Counts only, and no actor: the round closes on its own, never on behalf of whoever answered last. */
    @EventListener
    void pulseRoundClosed(PulseRoundClosed event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("team", event.team());
        content.put("roundId", event.roundId());
        content.put("invited", event.invited());
        content.put("respondents", event.respondents());
        if (event.snapshotId() != null) {
            content.put("snapshotId", event.snapshotId());
        }
        trail.append("PULSE_ROUND_CLOSED", EntryScope.team(event.team()), null, content);
    }

    /** A nudge went out: channel, how many recipients, about what; never who or what they answered. */
    @EventListener
    void nudgeSent(NudgeSent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("team", event.team());
        content.put("event", event.kind().name());
        content.put("channel", event.channel().name());
        content.put("recipients", event.recipients());
        content.put("nudgeId", event.nudgeId());
        trail.append("NUDGE_SENT", new EntryScope(event.team(), event.loopId(), null), null, content);
    }

    @EventListener
    void processesDeployed(ProcessesDeployed event) {
        trail.append(
                "PROCESSES_DEPLOYED",
                EntryScope.NONE,
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
        trail.append("INSTANCES_MIGRATED", EntryScope.NONE, event.actor(), Map.of("report", event.report()));
    }

    @EventListener
    void rulesetActivated(RulesetActivated event) {
        trail.append(
                "RULESET_ACTIVATED",
                EntryScope.NONE,
                directory.currentActor(),
                Map.of("version", event.version(), "previousVersion", event.previousVersion()));
    }

    /** Who may act as a technical client is governance's business: the token's id and name, never its secret. */
    @EventListener
    void apiTokenIssued(ApiTokenIssued event) {
        trail.append(
                "API_TOKEN_ISSUED",
                EntryScope.NONE,
                event.issuedBy(),
                Map.of("tokenId", event.tokenId(), "user", event.user(), "name", event.name()));
    }

    @EventListener
    void apiTokenRevoked(ApiTokenRevoked event) {
        trail.append(
                "API_TOKEN_REVOKED",
                EntryScope.NONE,
                event.revokedBy(),
                Map.of("tokenId", event.tokenId(), "user", event.user(), "name", event.name()));
    }

    /**
     * The actor's roles that matter on the team's loop, as the identity store has them now (verification later
     * judges from these, not from the store's then changed memberships). The actor of the current request or
     * engine call is its user (an API token's actor names the token too); any other actor is a user id.
     */
    private String rolesOf(String actor, String team) {
        String user = actor.equals(directory.currentActor()) ? directory.currentUser() : actor;
        return team == null || user == null ? "" : ActingScope.relevantRoles(directory.groupsOf(user), team);
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
