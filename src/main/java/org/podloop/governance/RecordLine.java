package org.podloop.governance;

import java.time.Instant;

/** One audit entry as the governance page shows it: a sentence, and the raw entry one click away. */
record RecordLine(long id, Instant at, String when, String kind, String sentence, String raw) {}
