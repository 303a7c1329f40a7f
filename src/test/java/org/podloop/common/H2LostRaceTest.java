package org.podloop.common;

/** {@link LostRaceContract} on the embedded default, H2. */
class H2LostRaceTest extends LostRaceContract {}
