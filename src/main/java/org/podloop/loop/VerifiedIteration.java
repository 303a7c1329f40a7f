package org.podloop.loop;

import java.util.UUID;

/**
 * One iteration whose outcome was verified, as governance's reports count it: the patterns it was opened
 * for (comma-separated), the intervention that ran, the verification outcome and its effect.
 */
public record VerifiedIteration(
        UUID loopId, String teamKey, String interventionId, String patterns, String outcome, Double effect) {}
