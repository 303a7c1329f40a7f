package org.podloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A test against the whole running application over HTTP, on a fresh team of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    protected PodloopClient client;
    protected String team;

    /** The members of each test's own team. */
    protected abstract String[] teamMembers();

    @BeforeEach
    void newTeam() {
        client = new PodloopClient(port);
        team = "t" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.createTeam(team, teamMembers()).status()).isEqualTo(201);
    }
}
