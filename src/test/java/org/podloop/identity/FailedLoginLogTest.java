package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podloop.support.ApiTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A user name is the client's text: with CR/LF in it, a failed login must still log one line. */
@ExtendWith(OutputCaptureExtension.class)
class FailedLoginLogTest extends ApiTest {

    @Override
    protected String[] teamMembers() {
        return new String[] {};
    }

    @Test
    void controlCharactersInAUserNameCannotForgeALogLine(CapturedOutput output) {
        // Basic base64("evil\r\nINFO forged:x"): user "evil\r\nINFO forged", password "x"
        assertThat(client.get("evil\r\nINFO forged:x", "/api/teams").status()).isEqualTo(401);
        assertThat(client.get("bell\u0007\u001b[2J\u2028INFO forged:x", "/engine-rest/task?maxResults=1")
                        .status())
                .isEqualTo(401);

        assertThat(output.getAll().lines())
                .noneMatch(line -> line.startsWith("INFO forged"))
                .anyMatch(line -> line.contains("Failed login for user 'evil\\r\\nINFO forged'"))
                .anyMatch(line -> line.contains("Failed login for user 'bell\\u0007\\u001b[2J\\u2028INFO forged'"));
    }
}
