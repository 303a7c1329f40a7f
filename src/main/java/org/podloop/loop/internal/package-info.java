/**
 * The loop's engine glue, hidden from other modules: starting and correlating loop instances
 * ({@link org.podloop.loop.internal.LoopEngine}), telling loop instances from others by their
 * business key, and the engine plugin that checks every write of the loop's control variables.
 */
package org.podloop.loop.internal;
