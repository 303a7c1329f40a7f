package org.podloop.notification;

import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** A person's preferences as they stand, with the defaults for whoever has chosen none. */
@Component
class NudgePeople {

    private final NotificationPreferences preferences;
    private final ZoneId defaultZone;

    NudgePeople(NotificationPreferences preferences, NudgeProperties properties) {
        this.preferences = preferences;
        this.defaultZone = ZoneId.of(properties.defaultTimeZone());
    }

    Preferences preferences(String user) {
        return preferences.find(user).orElseGet(() -> Preferences.defaults(defaultZone));
    }

    /** A team channel is read in many time zones: its times are given in the configured one. */
    ZoneId chatZone() {
        return defaultZone;
    }

    ZoneId defaultZone() {
        return defaultZone;
    }
}
