package org.podloop.worksignal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pull connector covering no days would fail every pull; start-up refuses it, naming the setting. */
class WorkPropertiesTest {

    @Test
    void aPullOfNoDaysIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new WorkProperties.GitHub("https://api.github.com", null, 0, Map.of()))
                .hasMessageContaining("podloop.work.github.period-days must be at least 1");
        assertThatThrownBy(() -> new WorkProperties.Jira("https://jira.example", null, null, -3, Map.of()))
                .hasMessageContaining("podloop.work.jira.period-days must be at least 1");
    }
}
