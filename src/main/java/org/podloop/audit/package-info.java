/**
 * The governance record: an append-only, hash-chained audit trail fed only by other modules' events
 * (snapshots, classifications, every loop step, deployments, migrations, rule reloads), its
 * verification, each loop's audit timeline as JSON and CSV, and the whole chain as JSON Lines with its
 * hashes for archiving and offline re-verification ({@code AuditExports}). It outlives the engine's history.
 */
package org.podloop.audit;
