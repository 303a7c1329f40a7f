/**
 * Operations: health for the probes (a serving ruleset next to the database and engine checks) and
 * Prometheus metrics of what Podloop does, fed by the other modules' events and public services.
 */
package org.podloop.operations;
