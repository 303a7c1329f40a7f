/**
 * Signals: teams (each with its pod), the metric catalogue ({@code rules/metrics.yaml}), and team
 * snapshots with their validation and idempotent recording. Publishes {@link org.podloop.signal.SnapshotRecorded}.
 */
package org.podloop.signal;
