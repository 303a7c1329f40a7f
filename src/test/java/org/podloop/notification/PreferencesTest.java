package org.podloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours and the pause at their boundaries, in the person's own time zone. */
class PreferencesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Preferences quiet(String from, String to) {
        return new Preferences(true, BERLIN, LocalTime.parse(from), LocalTime.parse(to), null);
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void quietHoursWithinADayStartAtFromAndEndAtTo() {
        Preferences lunch = quiet("12:00", "13:00");
        assertThat(lunch.quietUntil(berlin("2026-12-03T11:59:59"))).isEmpty();
        assertThat(lunch.quietUntil(berlin("2026-12-03T12:00:00"))).contains(berlin("2026-12-03T13:00:00"));
        assertThat(lunch.quietUntil(berlin("2026-12-03T12:59:59"))).contains(berlin("2026-12-03T13:00:00"));
        assertThat(lunch.quietUntil(berlin("2026-12-03T13:00:00"))).isEmpty();
    }

    @Test
    void quietHoursAcrossMidnightEndTheNextMorning() {
        Preferences night = quiet("22:00", "07:00");
        assertThat(night.quietUntil(berlin("2026-12-03T21:59"))).isEmpty();
        assertThat(night.quietUntil(berlin("2026-12-03T22:00"))).contains(berlin("2026-12-04T07:00"));
        assertThat(night.quietUntil(berlin("2026-12-04T00:30"))).contains(berlin("2026-12-04T07:00"));
        assertThat(night.quietUntil(berlin("2026-12-04T06:59"))).contains(berlin("2026-12-04T07:00"));
        assertThat(night.quietUntil(berlin("2026-12-04T07:00"))).isEmpty();
    }

    @Test
    void quietHoursFollowHerTimeZoneNotTheServersAcrossADaylightSavingChange() {
        // 29 March 2026: Berlin moves from UTC+1 to UTC+2 at 02:00
        Preferences night = quiet("22:00", "07:00");
        assertThat(night.quietUntil(Instant.parse("2026-03-28T21:30:00Z"))) // 22:30 in Berlin (UTC+1)
                .contains(Instant.parse("2026-03-29T05:00:00Z")); // 07:00 in Berlin (UTC+2)
        assertThat(night.quietUntil(Instant.parse("2026-03-29T04:59:00Z"))).isPresent();
        assertThat(night.quietUntil(Instant.parse("2026-03-29T05:00:00Z"))).isEmpty();
    }

    @Test
    void withoutQuietHoursSheMayBeToldAnyTime() {
        assertThat(Preferences.defaults(BERLIN).quietUntil(berlin("2026-12-03T03:00")))
                .isEmpty();
    }

    @Test
    void aPauseLastsUntilTheStartOfItsDateInHerTimeZone() {
        Preferences paused = new Preferences(true, BERLIN, null, null, LocalDate.parse("2026-12-24"));
        assertThat(paused.pausedAt(berlin("2026-12-23T23:59:59"))).isTrue();
        assertThat(paused.pausedAt(berlin("2026-12-24T00:00:00"))).isFalse();
        assertThat(Preferences.defaults(BERLIN).pausedAt(berlin("2026-12-23T12:00")))
                .isFalse();
    }
}
