package org.podloop.loop;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a loop, who took it and when; appended, never changed. */
@Entity
@Table(name = "loop_timeline")
class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private UUID loopId;
    private Integer iteration;
    private Instant at;

    @Enumerated(EnumType.STRING)
    private TimelineType type;

    private String actor;
    private UUID snapshotId;
    private String detail;

    protected TimelineEntry() {}

    TimelineEntry(
            UUID loopId,
            Integer iteration,
            Instant at,
            TimelineType type,
            String actor,
            UUID snapshotId,
            String detail) {
        this.loopId = loopId;
        this.iteration = iteration;
        this.at = at;
        this.type = type;
        this.actor = actor;
        this.snapshotId = snapshotId;
        this.detail = detail;
    }

    UUID loopId() {
        return loopId;
    }

    Integer iteration() {
        return iteration;
    }

    Instant at() {
        return at;
    }

    TimelineType type() {
        return type;
    }

    String actor() {
        return actor;
    }

    UUID snapshotId() {
        return snapshotId;
    }

    String detail() {
        return detail;
    }
}
