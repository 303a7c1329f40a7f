package org.podloop.governance;

import org.podloop.classification.VerificationOutcome;

/**
 * The running figures of one pattern × intervention (over all teams or one team's share): sums and
 * counts only, so one team's share can be subtracted and a verification added without history.
 */
record Tally(
        int teams,
        int loops,
        int reduced,
        int notReduced,
        int worsened,
        int inconclusive,
        int standardizedIterations,
        double standardizedSum) {

    static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, 0, 0);

    /** One verified iteration's contribution; {@code standardized} is null when it has none. */
    static Tally of(VerificationOutcome outcome, boolean newTeam, boolean newLoop, Double standardized) {
        return new Tally(
                newTeam ? 1 : 0,
                newLoop ? 1 : 0,
                outcome == VerificationOutcome.REDUCED ? 1 : 0,
                outcome == VerificationOutcome.NOT_REDUCED ? 1 : 0,
                outcome == VerificationOutcome.WORSENED ? 1 : 0,
                outcome == VerificationOutcome.INCONCLUSIVE ? 1 : 0,
                standardized == null ? 0 : 1,
                standardized == null ? 0 : standardized);
    }

    Tally minus(Tally share) {
        return new Tally(
                teams - share.teams,
                loops - share.loops,
                reduced - share.reduced,
                notReduced - share.notReduced,
                worsened - share.worsened,
                inconclusive - share.inconclusive,
                standardizedIterations - share.standardizedIterations,
                standardizedSum - share.standardizedSum);
    }

    int iterations() {
        return reduced + notReduced + worsened + inconclusive;
    }

    /** One metric's running figures, in its unit. */
    record OfMetric(int iterations, double improvementSum, int standardizedIterations, double standardizedSum) {

        static final OfMetric NONE = new OfMetric(0, 0, 0, 0);

        static OfMetric of(double improvement, Double standardized) {
            return new OfMetric(1, improvement, standardized == null ? 0 : 1, standardized == null ? 0 : standardized);
        }

        OfMetric minus(OfMetric share) {
            return new OfMetric(
                    iterations - share.iterations,
                    improvementSum - share.improvementSum,
                    standardizedIterations - share.standardizedIterations,
                    standardizedSum - share.standardizedSum);
        }
    }
}
