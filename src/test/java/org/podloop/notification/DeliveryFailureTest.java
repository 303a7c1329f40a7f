package org.podloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** What a failed send leaves in the log and the row, and how long the outbox waits between tries. */
class DeliveryFailureTest {

    @Test
    void aFailureIsRecordedWithoutTheAddressTheServerRepeated() {
        String reason = NudgeDispatcher.reason(new MailSendException(
                "Failed messages: jakarta.mail.SendFailedException: 550 5.1.1 <bob.smith@example.org>: no such user"));
        assertThat(reason)
                .contains("550 5.1.1")
                .contains("‹address›")
                .doesNotContain("bob.smith")
                .doesNotContain("@");
    }

    @Test
    void retriesWaitTheFirstIntervalThenDoubleUpToTheLongest() {
        NudgeProperties properties = new NudgeProperties(
                3,
                Duration.ofSeconds(15),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                48,
                Duration.ofMinutes(2),
                Duration.ofSeconds(10),
                "UTC");
        NudgeDispatcher dispatcher =
                new NudgeDispatcher(null, null, null, null, null, null, null, null, properties, null, null, null);
        assertThat(dispatcher.backOff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(dispatcher.backOff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(dispatcher.backOff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(dispatcher.backOff(8)).isEqualTo(Duration.ofHours(1)); // 30 s × 2⁷ = 64 min, capped
        assertThat(dispatcher.backOff(40)).isEqualTo(Duration.ofHours(1));
    }
}
