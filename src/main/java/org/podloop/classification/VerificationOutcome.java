package org.podloop.classification;

/**
 * Whether friction dropped after an intervention. The verification rules decide exactly one; the loop's
 * BPMN routes on its name ({@code verificationOutcome == 'REDUCED'}), and governance counts them.
 */
public enum VerificationOutcome {
    /** A targeted metric improved beyond the noise and none worsened. */
    REDUCED,
    /** Measured well enough, but nothing targeted improved. */
    NOT_REDUCED,
    /** A targeted metric got worse beyond the noise. */
    WORSENED,
    /** The data cannot tell: too few respondents, too noisy, or not measured both times. */
    INCONCLUSIVE
}
