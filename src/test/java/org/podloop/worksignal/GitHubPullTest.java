package org.podloop.worksignal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The GitHub pull connector against a local server that replays the REST API as GitHub documents it: the
 * issue list in pages linked by the {@code Link} header, each item's timeline and each pull request's reviews
 * (the real service is not reachable from CI). Pull requests that wait long for someone else's review open a
 * loop with a delayed-handoffs finding, as the posted export would.
 */
class GitHubPullTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ITEM = Pattern.compile("/repos/acme/digest/(issues|pulls)/(\\d+)/(timeline|reviews)");

    @Autowired
    private WorkImports imports;

    @Autowired
    private Clock clock;

    private HttpServer github;
    private String nextPageHost;
    private volatile boolean endlessTimeline;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<Long, Map<String, Object>> items = new TreeMap<>();
    private final Map<Long, List<Map<String, Object>>> timelines = new HashMap<>();
    private final Map<Long, List<Map<String, Object>>> reviews = new HashMap<>();

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    @BeforeEach
    void aGitHubServer() throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Instant created = today.minusDays(10).atTime(9, 0).toInstant(ZoneOffset.UTC);
        int[] reviewHours = {40, 44, 46, 48, 50, 52};
        for (int i = 0; i < reviewHours.length; i++) {
            pullRequest(201 + i, created, reviewHours[i]);
        }
        // an open issue nobody took: in both lists, imported once
        items.put(207L, item(207, created, "open", null));
        timelines.put(207L, List.of());
        // opened this morning, after the period: left out of the pull, not a reason to refuse it
        pullRequest(208, today.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60), 1);

        github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nextPageHost = "http://127.0.0.1:" + github.getAddress().getPort();
        github.createContext("/repos/acme/digest/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery() == null
                    ? ""
                    : URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            asked.add(path + "?" + query);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Matcher one = ITEM.matcher(path);
            if (path.equals("/repos/acme/digest/issues") && query.contains("state=all")) {
                List<Map<String, Object>> all = new ArrayList<>(items.values());
                boolean second = query.contains("page=2");
                List<Map<String, Object>> page = second ? all.subList(4, all.size()) : all.subList(0, 4);
                if (!second) {
                    exchange.getResponseHeaders()
                            .add(
                                    "Link",
                                    "<" + nextPageHost + "/repos/acme/digest/issues?state=all&per_page=100&page=2>;"
                                            + " rel=\"next\", <" + nextPageHost
                                            + "/repos/acme/digest/issues?state=all&per_page=100&page=2>; rel=\"last\"");
                }
                answer(exchange, page);
            } else if (path.equals("/repos/acme/digest/issues")) {
                answer(exchange, List.of(items.get(207L)));
            } else if (one.matches() && one.group(3).equals("timeline") && endlessTimeline) {
                int page = query.contains("page=") ? Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1")) : 1;
                exchange.getResponseHeaders()
                        .add(
                                "Link",
                                "<" + nextPageHost + path + "?per_page=100&page=" + (page + 1) + ">; rel=\"next\"");
                answer(exchange, List.of(Map.of("event", "commented", "created_at", "2026-11-02T09:00:00Z")));
            } else if (one.matches() && one.group(3).equals("timeline")) {
                answer(exchange, timelines.get(Long.parseLong(one.group(2))));
            } else if (one.matches()) {
                answer(exchange, reviews.get(Long.parseLong(one.group(2))));
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });
        github.start();
    }

    @AfterEach
    void stop() {
        github.stop(0);
    }

    /** A pull request opened ready for review, reviewed by its author at once and by someone else after {@code hours}, then merged. */
    private void pullRequest(long number, Instant created, int hours) {
        Instant review = created.plusSeconds(hours * 3600L);
        Instant merged = review.plusSeconds(7200);
        Map<String, Object> pr = item(number, created, "closed", merged);
        pr.put("draft", false);
        pr.put(
                "pull_request",
                Map.of(
                        "url",
                        "https://api.github.com/repos/acme/digest/pulls/" + number,
                        "merged_at",
                        merged.toString()));
        items.put(number, pr);
        timelines.put(
                number,
                List.of(
                        Map.of(
                                "event", "review_requested",
                                "created_at", created.toString(),
                                "actor", Map.of("login", "dana-dev"),
                                "requested_reviewer", Map.of("login", "erin-rev")),
                        Map.of(
                                "event",
                                "reviewed",
                                "submitted_at",
                                review.toString(),
                                "state",
                                "approved",
                                "user",
                                Map.of("login", "erin-rev")),
                        Map.of(
                                "event",
                                "merged",
                                "created_at",
                                merged.toString(),
                                "actor",
                                Map.of("login", "dana-dev")),
                        Map.of(
                                "event",
                                "closed",
                                "created_at",
                                merged.toString(),
                                "actor",
                                Map.of("login", "dana-dev"))));
        reviews.put(
                number,
                List.of(
                        Map.of(
                                "id",
                                number * 10,
                                "user",
                                Map.of("login", "dana-dev"),
                                "state",
                                "COMMENTED",
                                "submitted_at",
                                created.plusSeconds(3600).toString()),
                        Map.of(
                                "id",
                                number * 10 + 1,
                                "user",
                                Map.of("login", "erin-rev"),
                                "state",
                                "APPROVED",
                                "submitted_at",
                                review.toString())));
    }

    private static Map<String, Object> item(long number, Instant created, String state, Instant closed) {
        Map<String, Object> item = new HashMap<>();
        item.put("url", "https://api.github.com/repos/acme/digest/issues/" + number);
        item.put("number", number);
        item.put("title", "Item " + number);
        item.put("user", Map.of("login", "dana-dev", "id", 504));
        item.put("labels", List.of());
        item.put("state", state);
        item.put("assignee", state.equals("open") ? null : Map.of("login", "dana-dev"));
        item.put("assignees", state.equals("open") ? List.of() : List.of(Map.of("login", "dana-dev")));
        item.put("created_at", created.toString());
        item.put("updated_at", (closed == null ? created : closed).toString());
        item.put("closed_at", closed == null ? null : closed.toString());
        return item;
    }

    private static void answer(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private GitHubPull connector() {
        return new GitHubPull(
                imports,
                new WorkProperties.GitHub(
                        "http://127.0.0.1:" + github.getAddress().getPort(),
                        "gh-token",
                        14,
                        Map.of(team, "acme/digest")),
                clock);
    }

    @Test
    void thePullFollowsEveryPageAddsTimelinesAndReviewsAndImportsAsAPostedExportWould() {
        WorkImportResult result = connector().pull(team);

        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        LocalDate from = to.minusDays(13);
        assertThat(asked.get(0))
                .startsWith("/repos/acme/digest/issues?")
                .contains("state=all", "since=" + from + "T00:00:00Z", "per_page=100");
        assertThat(asked).contains("/repos/acme/digest/issues?state=all&per_page=100&page=2");
        assertThat(asked).anyMatch(query -> query.startsWith("/repos/acme/digest/issues?state=open"));
        assertThat(asked).contains("/repos/acme/digest/pulls/201/reviews?per_page=100");
        assertThat(asked).noneMatch(query -> query.contains("/208/"));
        assertThat(authorizations).containsOnly("Bearer gh-token");

        assertThat(result.items())
                .as("six pull requests and the open issue, once")
                .isEqualTo(7);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entries where content like '%dana-dev%' or content like '%erin-rev%'",
                        Integer.class))
                .as("no login is kept")
                .isZero();

        // the author's own review does not end the wait
        PulledImports.openedALoopOnDelayedHandoffs(
                result,
                "github",
                "GitHub, " + from + " – " + to,
                jdbc,
                team,
                () -> connector().pull(team));
    }

    @Test
    void aNextPageOnAnotherHostIsNotFollowedWithTheToken() {
        nextPageHost = "http://example.org";

        assertThatThrownBy(() -> connector().pull(team))
                .hasMessageContaining("another host")
                .hasMessageNotContaining("gh-token");
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .isZero();
    }

    @Test
    void aListLongerThanTheConnectorTakesFailsThePullInsteadOfImportingItCutShort() {
        endlessTimeline = true;

        assertThatThrownBy(() -> connector().pull(team))
                .hasMessageContaining("more than 5000 entries")
                .hasMessageContaining("nothing was imported");
        assertThat(asked).filteredOn(query -> query.contains("/timeline")).hasSize(50);
        assertThat(jdbc.queryForObject("select count(*) from snapshots where team_key = ?", Integer.class, team))
                .isZero();
    }
}
