package org.podloop.worksignal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Jira pull connector: for each team with a JQL in {@code podloop.work.jira.teams}, fetches the issue
 * search with its changelog, page by page, for the last {@code podloop.work.jira.period-days} full days,
 * and imports it exactly as a posted export ({@link WorkImports}: same checks, same idempotent snapshot).
 * Off unless {@code podloop.work.jira.base-url} is set. Jira Cloud takes {@code user} (the account's mail)
 * and an API token as Basic; Jira Data Center a personal access token as Bearer (no {@code user}).
 */
@Component
class JiraPull {

    private static final int PAGE = 50;
    /** 10,000 issues a pull at most: a JQL that matches more is one to narrow. */
    private static final int MOST_PAGES = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkImports imports;
    private final WorkProperties.Jira jira;
    private final Clock clock;
    private final TrackerClient api;

    @Autowired
    JiraPull(WorkImports imports, WorkProperties properties, Clock clock) {
        this(imports, properties.jira(), clock);
    }

    /** With a connection of its own (tests point it at a local server). */
    JiraPull(WorkImports imports, WorkProperties.Jira jira, Clock clock) {
        this.imports = imports;
        this.jira = jira;
        this.clock = clock;
        this.api = client(jira);
    }

    @Scheduled(
            fixedDelayString = "${podloop.work.jira.pull-every:P1D}",
            initialDelayString = "${podloop.work.jira.first-pull-after:PT5M}")
    void pullAll() {
        if (!configured()) {
            return;
        }
        TeamPulls.each("jira", jira.teams().keySet(), this::pull);
    }

    boolean configured() {
        return jira.baseUrl() != null && !jira.baseUrl().isBlank() && jira.teams() != null;
    }

    /** Pulls the team's last full days (ending yesterday, UTC) and imports them. */
    WorkImportResult pull(String team) {
        String jql = jira.teams().get(team);
        if (jql == null) {
            throw new IllegalArgumentException("no JQL for team '" + team + "' in podloop.work.jira.teams");
        }
        TeamPulls.Period period = TeamPulls.Period.lastFullDays(clock, jira.periodDays());
        LocalDate from = period.from();
        LocalDate to = period.to();
        // what changed in the period, and what is still open (it may have waited all period untouched)
        String query = "(" + jql + ") AND (updated >= \"" + from + "\" OR statusCategory != Done) ORDER BY key";
        Instant end = period.end();
        ArrayNode pages = JSON.createArrayNode();
        int startAt = 0;
        while (true) {
            JsonNode page = api.get("/rest/api/2/search?jql=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                            + "&expand=changelog&startAt=" + startAt + "&maxResults=" + PAGE)
                    .body();
            if (!page.path("errorMessages").isEmpty() || !page.path("issues").isArray()) {
                throw new IllegalStateException("Jira answered no issue search (" + page.path("errorMessages") + ")");
            }
            int got = page.path("issues").size();
            pages.add(createdBefore(page, end));
            startAt += got;
            // without a total, the last page is the one with fewer issues than asked for
            boolean last = page.has("total") ? startAt >= page.path("total").asInt() : got < PAGE;
            if (got == 0 || last || pages.size() >= MOST_PAGES) {
                break;
            }
        }
        return imports.importWork(team, "jira", from.toString(), to.toString(), null, null, pages);
    }

    /** The page without the issues created after the period ends (this morning's), which the import would refuse. */
    private static JsonNode createdBefore(JsonNode page, Instant end) {
        ObjectNode copy = page.deepCopy();
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode issue : page.path("issues")) {
            try {
                if (JiraExport.createdOf(issue).isBefore(end)) {
                    kept.add(issue);
                }
            } catch (RuntimeException unreadable) {
                kept.add(issue); // the import names what is wrong with it
            }
        }
        copy.set("issues", kept);
        return copy;
    }

    private static TrackerClient client(WorkProperties.Jira jira) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        if (jira.token() != null && !jira.token().isBlank()) {
            headers.put(
                    "Authorization",
                    jira.user() == null || jira.user().isBlank()
                            ? "Bearer " + jira.token()
                            : "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((jira.user() + ":" + jira.token())
                                                    .getBytes(StandardCharsets.UTF_8)));
        }
        return new TrackerClient("Jira", jira.baseUrl() == null ? "" : jira.baseUrl(), headers);
    }
}
