package org.podloop.governance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How the governance page writes times, durations and numbers: as a person reads them, in UTC. */
final class Words {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Words() {}

    /** "2 Dec 2026 10:04" (UTC), or a dash for none. */
    static String when(Instant at) {
        return at == null ? "–" : WHEN.format(at);
    }

    static String day(Instant at) {
        return at == null ? "–" : DAY.format(at);
    }

    /** "14 days", "36 hours", "1 day". */
    static String duration(Duration duration) {
        if (duration.toHoursPart() == 0 && duration.toMinutesPart() == 0 && duration.toDays() > 0) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toMinutesPart() == 0 && duration.toHours() > 0) {
            return plural(duration.toHours(), "hour");
        }
        return plural(duration.toMinutes(), "minute");
    }

    /** 38.0 as "38", 12.25 as "12.25". */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(Math.round(value * 100) / 100.0);
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** SUPPRESSED_FEEDBACK → "suppressed feedback"; other text unchanged. */
    static String humanized(String constant) {
        return constant == null ? "" : constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
