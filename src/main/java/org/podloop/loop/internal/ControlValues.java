package org.podloop.loop.internal;

import java.util.Map;
import java.util.Optional;

/** What the loop says its control variables hold, for the loop instance with this business key. */
public interface ControlValues {

    /** Variable name to value, or empty when the business key names no running loop iteration. */
    Optional<Map<String, Object>> of(String businessKey);
}
