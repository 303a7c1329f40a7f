package org.podloop.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Appends steps to a loop's timeline with their details as small JSON. */
@Component
class Timeline {

    private final TimelineEntries entries;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Timeline(TimelineEntries entries, ObjectMapper json, Clock clock, ApplicationEventPublisher events) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /** Appends the step and announces it, in the caller's transaction: the audit trail gets it or nothing happened. */
    void record(
            UUID loopId, Integer iteration, TimelineType type, String actor, UUID snapshotId, Map<String, ?> detail) {
        Instant at = clock.instant();
        entries.save(new TimelineEntry(loopId, iteration, at, type, actor, snapshotId, write(detail)));
        events.publishEvent(new LoopStepRecorded(
                loopId,
                iteration,
                type,
                actor,
                snapshotId,
                Collections.unmodifiableMap(new LinkedHashMap<>(detail)),
                at));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("timeline details are plain maps and records", e);
        }
    }
}
