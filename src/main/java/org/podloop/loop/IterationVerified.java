package org.podloop.loop;

/**
 * Published when an iteration's outcome is verified, inside the transaction that records the
 * verification: whatever listens (governance's running effectiveness figures) commits with it or not at all.
 */
public record IterationVerified(VerifiedIteration iteration) {}
