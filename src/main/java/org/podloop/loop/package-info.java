/**
 * The loop: one {@link org.podloop.loop.LoopService open loop} per team with its iterations and
 * timeline, the BPMN processes in {@code processes/} that run it (deployed from the folder), their
 * delegates and task listeners, and re-measurement correlation. Engine-specific code stays here,
 * behind {@link org.podloop.loop.LoopService}.
 */
package org.podloop.loop;
