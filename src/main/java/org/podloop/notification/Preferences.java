package org.podloop.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A person's choices: mail on or off, her time zone, quiet hours in it ({@code quietFrom} to
 * {@code quietTo}, across midnight when from is later than to), and a pause until the start of a date.
 */
record Preferences(boolean email, ZoneId zone, LocalTime quietFrom, LocalTime quietTo, LocalDate pausedUntil) {

    static Preferences defaults(ZoneId zone) {
        return new Preferences(true, zone, null, null, null);
    }

    boolean hasQuietHours() {
        return quietFrom != null && quietTo != null;
    }

    /** When her quiet hours end, if {@code now} falls in them; empty when she may be told now. */
    Optional<Instant> quietUntil(Instant now) {
        if (!hasQuietHours()) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet;
        LocalDate endDay = local.toLocalDate();
        if (quietFrom.isBefore(quietTo)) {
            quiet = !time.isBefore(quietFrom) && time.isBefore(quietTo);
        } else {
            quiet = !time.isBefore(quietFrom) || time.isBefore(quietTo);
            if (!time.isBefore(quietFrom)) {
                endDay = endDay.plusDays(1);
            }
        }
        return quiet ? Optional.of(ZonedDateTime.of(endDay, quietTo, zone).toInstant()) : Optional.empty();
    }

    /** Paused: nudges until the start of {@code pausedUntil} in her time zone are not mailed. */
    boolean pausedAt(Instant now) {
        return pausedUntil != null
                && now.isBefore(pausedUntil.atStartOfDay(zone).toInstant());
    }
}
