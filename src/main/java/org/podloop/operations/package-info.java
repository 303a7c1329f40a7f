/**
 * Operations: health for the probes (a serving ruleset next to the database and engine checks) and
 * Prometheus metrics of what Podloop does, fed by the other modules' events once their transaction
 * committed (a rolled-back snapshot counts nothing) and by their public services.
 */
package org.podloop.operations;
