package org.podloop.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.podloop.signal.NewSnapshot;

/**
 * The JSON a client posts as a snapshot: exactly these fields, so that anything else (a pulse round's
 * {@code surveyTotals} among them, which only Podloop hands in) is refused as unknown, not dropped.
 */
record PostedSnapshot(
        String externalId,
        Instant measuredAt,
        Integer respondents,
        Map<String, Double> signals,
        Map<String, List<List<Double>>> surveys) {

    NewSnapshot toSnapshot() {
        return new NewSnapshot(externalId, measuredAt, respondents, signals, surveys);
    }
}
