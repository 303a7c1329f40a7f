/**
 * Pulse rounds: the team measures itself in Podloop, anonymous by construction. Owns the rounds
 * ({@code pulse_rounds}), the record of THAT a member answered ({@code pulse_participation}: no time, no
 * order, no answer) and the per-round, per-metric running totals ({@code pulse_aggregates}), written in
 * one transaction; {@code PulseRoundProcess} (opening, reminder, deadline, closing); the API under
 * {@code /api/pulses} and {@code POST /api/teams/{key}/pulses}. A closed round becomes one snapshot
 * through {@link org.podloop.intake.SnapshotIntake}. Individual answers exist only in the request that
 * brings them: never stored, logged, hashed, put in a process variable, an audit entry or a metric label.
 * Re-measures a loop's team when the loop asks ({@link org.podloop.loop.Remeasurements}, implemented by
 * {@code PulseRemeasurements}); checks that deployed round processes still hear that a round is complete
 * ({@code PulseProcessContract}). Publishes {@link org.podloop.pulse.PulseRoundOpened} and
 * {@link org.podloop.pulse.PulseRoundClosed}.
 */
package org.podloop.pulse;
