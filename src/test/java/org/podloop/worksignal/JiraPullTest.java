package org.podloop.worksignal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Jira pull connector against a local server that replays the issue search as Jira documents it
 * (two pages, {@code expand=changelog}); the real service is not reachable from CI.
 */
class JiraPullTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private WorkImports imports;

    @Autowired
    private Clock clock;

    private HttpServer jira;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private List<Map<String, Object>> issues;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    @BeforeEach
    void aJiraServer() throws IOException {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(10);
        issues = new ArrayList<>();
        int[] reviewHours = {40, 44, 46, 48, 50, 52};
        for (int i = 0; i < reviewHours.length; i++) {
            issues.add(JiraFixture.item("ATL-" + (i + 1), day, reviewHours[i], "In Review"));
        }
        // created this morning, after the period: left out of the pull, not a reason to refuse it
        issues.add(JiraFixture.item("ATL-7", LocalDate.now(clock.withZone(ZoneOffset.UTC)), 1, "In Review"));
        jira = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jira.createContext("/rest/api/2/search", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            queries.add(query);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            int startAt = query.contains("startAt=4") ? 4 : 0;
            List<Map<String, Object>> page = issues.subList(startAt, Math.min(issues.size(), startAt + 4));
            // the last page as Jira Data Center answers it, the first with its total
            byte[] body = JSON.writeValueAsBytes(JiraFixture.search(page, startAt, issues.size()));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jira.start();
    }

    @AfterEach
    void stop() {
        jira.stop(0);
    }

    private JiraPull connector() {
        return new JiraPull(
                imports,
                new WorkProperties.Jira(
                        "http://127.0.0.1:" + jira.getAddress().getPort(),
                        "bot@example.org",
                        "api-token",
                        14,
                        Map.of(team, "project = ATL")),
                clock);
    }

    @Test
    void thePullFetchesEveryPageAndImportsItAsAPostedExportWould() {
        WorkImportResult result = connector().pull(team);

        assertThat(queries).hasSize(2);
        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        LocalDate from = to.minusDays(13);
        assertThat(queries.get(0))
                .contains(
                        "jql=(project = ATL) AND (updated >= \"" + from + "\" OR statusCategory != Done) ORDER BY key")
                .contains("expand=changelog", "startAt=0", "maxResults=50");
        assertThat(queries.get(1)).contains("startAt=4");
        assertThat(authorizations.get(0))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString("bot@example.org:api-token".getBytes(StandardCharsets.UTF_8)));

        assertThat(result.items()).isEqualTo(6);
        assertThat(result.from()).isEqualTo(from);
        assertThat(result.to()).isEqualTo(to);
        PulledImports.openedALoopOnDelayedHandoffs(
                result,
                "jira",
                "Jira, " + from + " – " + to,
                jdbc,
                team,
                () -> connector().pull(team));
    }
}
