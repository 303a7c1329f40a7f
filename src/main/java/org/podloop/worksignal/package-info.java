/**
 * Work signals: team-level execution metrics (handoff delay, ownership clarity, commitment reliability,
 * rework, decision latency, delivery gap) derived in memory from a Jira export. Nothing about a person is
 * kept: assignment is reduced to whether someone was assigned and whether the person changed.
 */
package org.podloop.worksignal;
