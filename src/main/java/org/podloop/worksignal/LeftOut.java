package org.podloop.worksignal;

/**
 * A metric that was not derived, with the reason in plain words (too few items, no sprint given), so that
 * its absence is explained rather than silent.
 */
record LeftOut(String metric, String reason) {}
