package org.podloop.home;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the start page writes a time: as a person reads it, in UTC ("2 Dec 2026 10:04 UTC"). */
final class Times {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public String of(Instant at) {
        return at == null ? "–" : WHEN.format(at) + " UTC";
    }

    /** The machine-readable form for {@code <time datetime>}, which local-time.js turns into the reader's zone. */
    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }
}
