package org.podloop.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Appends steps to a loop's timeline with their details as small JSON. */
@Component
class Timeline {

    private final TimelineEntries entries;
    private final ObjectMapper json;
    private final Clock clock;

    Timeline(TimelineEntries entries, ObjectMapper json, Clock clock) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
    }

    void record(UUID loopId, Integer iteration, TimelineType type, String actor, UUID snapshotId, Map<String, ?> detail) {
        entries.save(new TimelineEntry(loopId, iteration, clock.instant(), type, actor, snapshotId, write(detail)));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("timeline details are plain maps and records", e);
        }
    }
}
