/**
 * Execution signals from the work itself: a tracker's export (Jira's issue search with its changelog, or
 * GitHub's issues and pull requests with their timelines and reviews) becomes the team's execution metrics — handoff delay, ownership clarity, commitment
 * reliability, rework, decision latency, the delivery gap — and one snapshot through the usual intake
 * ({@link org.podloop.intake.SnapshotIntake}). Owns {@code POST /api/teams/{key}/work-imports}, the parsing
 * and the definitions, and the pull connectors that fetch the same exports from Jira and GitHub on a
 * schedule; each derived value carries its provenance into the snapshot and the findings' evidence. The
 * status mapping is {@code rules/work-tracking.yaml}
 * ({@link org.podloop.rules.WorkTracking}). Person-level data (who was assigned) is used in memory only,
 * to compute team aggregates, and never stored, logged or shown.
 */
package org.podloop.worksignal;
