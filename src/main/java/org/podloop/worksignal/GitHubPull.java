package org.podloop.worksignal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The GitHub pull connector: for each team with a repository in {@code podloop.work.github.teams}, lists
 * the issues and pull requests updated since the period began and those still open
 * ({@code /repos/{owner}/{name}/issues}, following the {@code Link} header's next pages), adds each one's
 * {@code timeline} and, for pull requests, its {@code reviews}, and imports the result exactly as a posted
 * export ({@link WorkImports}: same checks, same idempotent snapshot). Off while no team is configured;
 * {@code podloop.work.github.token} (from the environment) is sent as a Bearer token.
 */
@Component
class GitHubPull {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_PAGE = 100;
    /**
     * 5,000 issues and pull requests (or events of one item) a pull at most: a longer list fails the pull rather
     * than be imported cut short.
     */
    private static final int MOST_PAGES = 50;

    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    private final WorkImports imports;
    private final WorkProperties.GitHub github;
    private final Clock clock;
    private final TrackerClient api;

    @Autowired
    GitHubPull(WorkImports imports, WorkProperties properties, Clock clock) {
        this(imports, properties.github(), clock);
    }

    /** With a connection of its own (tests point it at a local server). */
    GitHubPull(WorkImports imports, WorkProperties.GitHub github, Clock clock) {
        this.imports = imports;
        this.github = github;
        this.clock = clock;
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", "2022-11-28");
        // GitHub refuses requests without a User-Agent
        headers.put("User-Agent", "Podloop");
        if (github.token() != null && !github.token().isBlank()) {
            headers.put("Authorization", "Bearer " + github.token());
        }
        this.api = new TrackerClient("GitHub", github.baseUrl(), headers);
    }

    @Scheduled(
            fixedDelayString = "${podloop.work.github.pull-every:P1D}",
            initialDelayString = "${podloop.work.github.first-pull-after:PT5M}")
    void pullAll() {
        TeamPulls.each("github", github.teams().keySet(), this::pull);
    }

    /** Pulls the team's last full days (ending yesterday, UTC) and imports them. */
    WorkImportResult pull(String team) {
        String repository = github.teams().get(team);
        if (repository == null) {
            throw new IllegalArgumentException("no repository for team '" + team + "' in podloop.work.github.teams");
        }
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException(
                    "podloop.work.github.teams." + team + " must name a repository as owner/name");
        }
        TeamPulls.Period period = TeamPulls.Period.lastFullDays(clock, github.periodDays());
        String issues = "/repos/" + repository + "/issues";
        // what changed in the period, and what is still open (it may have waited all period untouched);
        // by number, so an item in both lists is imported once
        Map<Long, ObjectNode> items = new TreeMap<>();
        listInto(issues + "?state=all&since=" + period.start() + "&per_page=" + PER_PAGE, items);
        listInto(issues + "?state=open&per_page=" + PER_PAGE, items);
        ArrayNode export = JSON.createArrayNode();
        for (ObjectNode item : items.values()) {
            if (createdAt(item).map(created -> !created.isBefore(period.end())).orElse(false)) {
                continue; // created this morning, after the period: the import would refuse it
            }
            long number = item.path("number").asLong();
            item.set("timeline", all(issues + "/" + number + "/timeline?per_page=" + PER_PAGE));
            if (item.path("pull_request").isObject()) {
                item.set("reviews", all("/repos/" + repository + "/pulls/" + number + "/reviews?per_page=" + PER_PAGE));
            }
            export.add(item);
        }
        return imports.importWork(
                team, "github", period.from().toString(), period.to().toString(), null, null, export);
    }

    private void listInto(String first, Map<Long, ObjectNode> items) {
        for (JsonNode item : all(first)) {
            if (item.isObject() && item.path("number").canConvertToLong()) {
                items.putIfAbsent(item.path("number").asLong(), (ObjectNode) item);
            }
        }
    }

    /** Every page of a list, following the {@code Link} header's next page. */
    private ArrayNode all(String first) {
        ArrayNode all = JSON.createArrayNode();
        TrackerClient.Page page = api.get(first);
        for (int pages = 1; ; pages++) {
            if (!page.body().isArray()) {
                throw new IllegalStateException("GitHub answered no list to " + first.replaceFirst("\\?.*", ""));
            }
            all.addAll((ArrayNode) page.body());
            if (page.next().isEmpty()) {
                return all;
            }
            if (pages >= MOST_PAGES) {
                // imported cut short, the metrics would be wrong without saying so
                throw new IllegalStateException("GitHub lists more than " + MOST_PAGES * PER_PAGE + " entries at "
                        + first.replaceFirst("\\?.*", "")
                        + "; nothing was imported (narrow the period or the repository)");
            }
            page = api.getUrl(page.next().get());
        }
    }

    private static Optional<Instant> createdAt(JsonNode item) {
        try {
            return Optional.of(Instant.parse(item.path("created_at").asText()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty(); // the import names what is wrong with it
        }
    }
}
