package org.podloop.worksignal;

/**
 * What a tracker status means for the metrics; {@link StatusMapping} owns the mapping from a team's own
 * status names, so that the metrics never depend on how a team spells its workflow.
 */
enum StatusKind {
    IN_PROGRESS,
    WAITING,
    DECISION,
    DONE,
    OTHER
}
