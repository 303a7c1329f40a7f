package org.podloop.loop;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The aggregate of one team's loop: it alone moves itself and its iterations from state to state. */
@Entity
@Table(name = "loops")
class Loop {

    @Id
    private UUID id;

    private String teamKey;
    /** Equals teamKey while the loop is open, null after: a unique column gives "one open loop per team" on every database. */
    private String openTeamKey;

    @Enumerated(EnumType.STRING)
    private LoopStatus status;

    private UUID triggerSnapshotId;
    private int maxIterations;
    private Instant openedAt;
    private Instant endedAt;

    @OneToMany(mappedBy = "loop", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("number")
    private List<LoopIteration> iterations = new ArrayList<>();

    @Version
    private Long version;

    protected Loop() {}

    static Loop open(String teamKey, UUID triggerSnapshotId, int maxIterations, Instant now) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("a loop needs at least one iteration, got " + maxIterations);
        }
        Loop loop = new Loop();
        loop.id = UUID.randomUUID();
        loop.teamKey = teamKey;
        loop.openTeamKey = teamKey;
        loop.status = LoopStatus.OPEN;
        loop.triggerSnapshotId = triggerSnapshotId;
        loop.maxIterations = maxIterations;
        loop.openedAt = now;
        return loop;
    }

    LoopIteration startIteration(
            int number, UUID baselineSnapshotId, String processInstanceId, List<String> patterns, Instant now) {
        requireOpen("start an iteration");
        if (number != iterations.size() + 1) {
            throw new IllegalStateException(
                    "loop " + id + " has " + iterations.size() + " iterations; cannot start number " + number);
        }
        if (current() != null && !current().ended()) {
            throw new IllegalStateException(
                    "loop " + id + ": iteration " + current().number() + " has not ended");
        }
        LoopIteration iteration = new LoopIteration(this, number, baselineSnapshotId, processInstanceId, patterns, now);
        iterations.add(iteration);
        return iteration;
    }

    /** The iteration under way, or the last one; null before the first starts. */
    LoopIteration current() {
        return iterations.isEmpty() ? null : iterations.get(iterations.size() - 1);
    }

    LoopIteration iteration(int number) {
        return iterations.stream()
                .filter(i -> i.number() == number)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("loop " + id + " has no iteration " + number));
    }

    boolean iterationsExhausted() {
        return current() != null && current().number() >= maxIterations;
    }

    Set<String> triedInterventions() {
        return iterations.stream()
                .map(LoopIteration::interventionId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    void close(Instant now) {
        end(LoopStatus.CLOSED, now);
    }

    void escalate(Instant now) {
        end(LoopStatus.ESCALATED, now);
    }

    private void end(LoopStatus outcome, Instant now) {
        requireOpen("end it as " + outcome);
        status = outcome;
        openTeamKey = null;
        endedAt = now;
    }

    private void requireOpen(String action) {
        if (status != LoopStatus.OPEN) {
            throw new IllegalStateException("loop " + id + " is " + status + "; cannot " + action);
        }
    }

    LoopRef ref() {
        return new LoopRef(id, status);
    }

    UUID id() {
        return id;
    }

    String teamKey() {
        return teamKey;
    }

    LoopStatus status() {
        return status;
    }

    UUID triggerSnapshotId() {
        return triggerSnapshotId;
    }

    int maxIterations() {
        return maxIterations;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    List<LoopIteration> iterations() {
        return List.copyOf(iterations);
    }
}
