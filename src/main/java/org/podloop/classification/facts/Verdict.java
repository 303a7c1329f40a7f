package org.podloop.classification.facts;

/** What the verification rules concluded about one targeted metric, baseline vs re-measure. */
public enum Verdict {
    /** Better by five points or more, beyond the noise of the two measurements. */
    IMPROVED,
    /** Worse by five points or more, beyond the noise. */
    WORSENED,
    /** Measured precisely enough to say it moved less than five points. */
    UNCHANGED,
    /** The noise margin covers the change: the data cannot tell either way. */
    NOISY,
    /** From too few respondents to tell a change from chance. */
    TOO_FEW,
    /** Not measured both times. */
    MISSING
}
