/**
 * The loop: one {@link org.podloop.loop.LoopService open loop} per team with its iterations and
 * timeline, the BPMN processes in {@code processes/} that run it (deployed from the folder), their
 * delegates and task listeners, and re-measurement correlation; and what deployed processes may do:
 * the allow-list of callable beans ({@link org.podloop.loop.ProcessCallable}), the deploy-time lint of every
 * resource and expression site, the engine's guarded expression resolver, and the rules every variable
 * write must keep (the loop's control variables, text length). Engine-specific code stays here, behind
 * {@link org.podloop.loop.LoopService}.
 */
package org.podloop.loop;
