package org.podloop.signal;

/** The signal contract on the embedded default database. */
class H2SignalContractTest extends SignalContract {}
