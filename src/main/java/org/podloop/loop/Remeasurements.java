package org.podloop.loop;

import java.time.Instant;
import java.util.UUID;

/**
 * What measures a team again once an iteration's intervention has ended. The pulse module implements it
 * by opening a round for the team; the round's snapshot, once closed, is the iteration's re-measurement
 * like any other snapshot. Called in the engine step's transaction; it must not throw for a team it cannot
 * ask (say so in {@link Remeasurement#unavailable}), or the pod's completion of its task would fail.
 */
public interface Remeasurements {

    Remeasurement request(String teamKey);

    /**
     * The round that will re-measure the team: {@code alreadyOpen} when one was open (say, on the team's
     * cadence) and will serve; or, without a round, why none could be opened.
     */
    record Remeasurement(UUID roundId, Instant closesAt, boolean alreadyOpen, String unavailable) {

        public static Remeasurement opened(UUID roundId, Instant closesAt) {
            return new Remeasurement(roundId, closesAt, false, null);
        }

        public static Remeasurement reused(UUID roundId, Instant closesAt) {
            return new Remeasurement(roundId, closesAt, true, null);
        }

        public static Remeasurement unavailable(String why) {
            return new Remeasurement(null, null, false, why);
        }
    }
}
