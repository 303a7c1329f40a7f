package org.podloop.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** A team's pulse cadence: set and turned off by its pod, refused with the field named, opening one round when due. */
class PulseCadenceTest extends ApiTest {

    @Autowired
    private PulseCadence cadence;

    @Autowired
    private PulseService pulses;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula", "pete"};
    }

    private Response patch(String user, Object pulseEvery) {
        Map<String, Object> body = new HashMap<>();
        body.put("pulseEvery", pulseEvery);
        return client.send(user, "PATCH", "/api/teams/" + team, body);
    }

    private int rounds() {
        return jdbc.queryForObject("select count(*) from pulse_rounds where team_key = ?", Integer.class, team);
    }

    private void timeComesForTheNextRound() {
        jdbc.update(
                "update pulse_cadences set next_at = ? where team_key = ?",
                Timestamp.from(Instant.now().minusSeconds(1)),
                team);
    }

    @Test
    void thePodSetsACadenceAndTurnsItOff() {
        assertThat(client.get("paula", "/api/teams/" + team + "/pulse-cadence")
                        .body()
                        .path("pulseEvery")
                        .isMissingNode())
                .as("off by default")
                .isTrue();

        Response set = patch("paula", "P14D");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("pulseEvery").asText()).isEqualTo("P14D");
        assertThat(set.body().get("nextRoundAt").asText()).isNotBlank();
        assertThat(patch("demo", "P2W").body().get("pulseEvery").asText())
                .as("an administrator, in weeks")
                .isEqualTo("P14D");
        Response off = patch("pete", null);
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.body().path("pulseEvery").isMissingNode()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from pulse_cadences where team_key = ?", Integer.class, team))
                .isZero();
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndStoreNothing() {
        for (Object bad : new Object[] {"every two weeks", "PT1H", "P91D", "-P14D", "P1M", 14}) {
            Response refused = patch("paula", bad);
            assertThat(refused.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(refused.body().get("field").asText()).isEqualTo("pulseEvery");
        }
        Response unknown = client.send("paula", "PATCH", "/api/teams/" + team, Map.of("name", "Other"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("field").asText()).isEqualTo("name");
        assertThat(patch("quinn", "P14D").status()).as("another team's pod").isEqualTo(403);
        assertThat(client.send("demo", "PATCH", "/api/teams/nosuchteam", Map.of("pulseEvery", "P14D"))
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from pulse_cadences where team_key = ?", Integer.class, team))
                .isZero();
    }

    @Test
    void aDueCadenceOpensOneRoundSkipsWhileOneIsOpenAndOpensTheNextWhenDueAgain() {
        patch("paula", "P14D");

        cadence.openDueRounds();
        cadence.openDueRounds();
        assertThat(rounds()).as("one round, however often the check runs").isEqualTo(1);
        String first = jdbc.queryForObject(
                "select id from pulse_rounds where team_key = ? and state = 'OPEN'", String.class, team);

        timeComesForTheNextRound();
        cadence.openDueRounds();
        assertThat(rounds()).as("never a second round while one is open").isEqualTo(1);

        pulses.close(UUID.fromString(first));
        cadence.openDueRounds();
        assertThat(rounds()).as("due again and none open").isEqualTo(2);
        assertThat(client.get("paula", "/api/teams/" + team + "/pulse-cadence")
                        .body()
                        .get("nextRoundAt")
                        .asText())
                .isGreaterThan(Instant.now().plusSeconds(13 * 24 * 3600).toString());
    }
}
