package org.podloop.loop;

import java.util.List;
import org.podloop.classification.InterventionEffect;

/**
 * What verifiably worked for other teams, which the recommendation rules weigh when a pod chooses.
 * Governance keeps the figures (its effectiveness report); the loop only asks.
 */
public interface TrackRecord {

    /** Per intervention and pattern, how often it was tried and verifiably reduced it, over every team but {@code team}. */
    List<InterventionEffect> elsewhere(String team);
}
