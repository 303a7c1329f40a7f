package org.podloop.loop;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One pass of signal → action → verify → decide; changed only through its {@link Loop}'s module. */
@Entity
@Table(name = "loop_iterations")
class LoopIteration {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "loop_id")
    private Loop loop;

    private int number;
    private String processInstanceId;
    private UUID baselineSnapshotId;
    /** The patterns this iteration works on, comma-separated, from its baseline findings. */
    private String patterns;

    private String interventionId;
    private UUID remeasureSnapshotId;
    private String verificationOutcome;
    private String verificationJson;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    private String rationale;
    private boolean extended;
    private Instant startedAt;
    private Instant endedAt;

    protected LoopIteration() {}

    LoopIteration(
            Loop loop,
            int number,
            UUID baselineSnapshotId,
            String processInstanceId,
            List<String> patterns,
            Instant now) {
        this.patterns = String.join(",", patterns);
        this.id = UUID.randomUUID();
        this.loop = loop;
        this.number = number;
        this.baselineSnapshotId = baselineSnapshotId;
        this.processInstanceId = processInstanceId;
        this.startedAt = now;
    }

    void chooseIntervention(String interventionId) {
        requireRunning("choose an intervention");
        if (this.interventionId != null) {
            throw new IllegalStateException("iteration " + number + " already runs " + this.interventionId);
        }
        this.interventionId = interventionId;
    }

    /** The pod's one extension of the time-box. */
    void extend() {
        requireRunning("extend the time-box");
        if (interventionId == null) {
            throw new IllegalStateException(
                    "iteration " + number + " has no intervention whose time-box could be extended");
        }
        if (extended) {
            throw new IllegalStateException("iteration " + number + " was extended once already");
        }
        extended = true;
    }

    boolean extended() {
        return extended;
    }

    void recordRemeasurement(UUID snapshotId) {
        requireRunning("record a re-measurement");
        if (interventionId == null) {
            throw new IllegalStateException("iteration " + number + " has no intervention to re-measure");
        }
        this.remeasureSnapshotId = snapshotId;
    }

    void recordVerification(String outcome, String verificationJson) {
        requireRunning("record a verification");
        if (remeasureSnapshotId == null) {
            throw new IllegalStateException("iteration " + number + " has no re-measurement to verify");
        }
        this.verificationOutcome = outcome;
        this.verificationJson = verificationJson;
    }

    void decide(Decision decision, String rationale) {
        requireRunning("record a decision");
        if (verificationOutcome == null) {
            throw new IllegalStateException("iteration " + number + " is not verified yet");
        }
        this.decision = decision;
        this.rationale = rationale;
    }

    /** Ends the iteration; what the loop does next is the decision, or REPEAT when nobody had to decide. */
    Decision end(Instant now) {
        requireRunning("end it");
        if (verificationOutcome == null) {
            throw new IllegalStateException("iteration " + number + " cannot end before it is verified");
        }
        this.endedAt = now;
        return decision == null ? Decision.REPEAT : decision;
    }

    private void requireRunning(String action) {
        if (endedAt != null) {
            throw new IllegalStateException("iteration " + number + " has ended; cannot " + action);
        }
    }

    boolean ended() {
        return endedAt != null;
    }

    Loop loop() {
        return loop;
    }

    UUID id() {
        return id;
    }

    /** The patterns this iteration works on (its baseline findings), in the order they were found. */
    List<String> patterns() {
        return patterns == null || patterns.isEmpty() ? List.of() : List.of(patterns.split(","));
    }

    int number() {
        return number;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    UUID baselineSnapshotId() {
        return baselineSnapshotId;
    }

    String interventionId() {
        return interventionId;
    }

    UUID remeasureSnapshotId() {
        return remeasureSnapshotId;
    }

    String verificationOutcome() {
        return verificationOutcome;
    }

    String verificationJson() {
        return verificationJson;
    }

    Decision decision() {
        return decision;
    }

    String rationale() {
        return rationale;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }
}
