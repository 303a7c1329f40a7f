package org.podloop.classification.facts;

/** What the verification rules concluded about one targeted metric, baseline vs re-measure. */
public enum Verdict {
    /** Better by at least the metric's minimal change (metrics.yaml, its own unit), beyond the noise of the two measurements. */
    IMPROVED,
    /** Worse by at least the metric's minimal change, beyond the noise. */
    WORSENED,
    /** Measured precisely enough to say it moved less than the metric's minimal change. */
    UNCHANGED,
    /** The noise margin covers the change: the data cannot tell either way. */
    NOISY,
    /** From too few respondents to tell a change from chance. */
    TOO_FEW,
    /** Not measured both times. */
    MISSING
}
