/**
 * Signals: teams (each with its pod), team snapshots validated against the serving metric catalogue
 * (which {@link org.podloop.rules} owns), survey scoring, privacy thresholds, and idempotent
 * recording. Publishes {@link org.podloop.signal.SnapshotRecorded}.
 */
package org.podloop.signal;
