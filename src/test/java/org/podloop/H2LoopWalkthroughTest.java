package org.podloop;

/** The walkthrough on the embedded default database. */
class H2LoopWalkthroughTest extends LoopWalkthrough {}
