/**
 * The arrival of a measurement: {@code POST /api/teams/{key}/snapshots} records the snapshot, has it
 * classified and lets the team's loop react, in one transaction, and answers with all three; and the
 * CSV import of snapshot history ({@code POST /api/snapshots/import}), streamed, all or nothing, one
 * import per team at a time on every node.
 */
package org.podloop.intake;
