/**
 * The arrival of a measurement: {@code POST /api/teams/{key}/snapshots} records the snapshot, has it
 * classified and lets the team's loop react, in one transaction, and answers with all three.
 */
package org.podloop.intake;
