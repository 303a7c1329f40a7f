/**
 * The governance record: an append-only, hash-chained audit trail fed only by other modules' events
 * (snapshots, classifications, every loop step, deployments, migrations, rule reloads), its
 * verification, and each loop's audit timeline as JSON and CSV. It outlives the engine's history.
 */
package org.podloop.audit;
