package org.podloop.worksignal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Jira issue search responses (with {@code expand=changelog}) as the REST API returns them, for the tests. */
final class JiraFixture {

    private JiraFixture() {}

    /**
     * An item created on {@code day}, which went To Do → In Progress (a day later, assigned) → {@code reviewStatus}
     * (a day after that) → Done after {@code reviewHours}.
     */
    static Map<String, Object> item(String key, LocalDate day, int reviewHours, String reviewStatus) {
        Instant created = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        Instant started = created.plusSeconds(86_400);
        Instant review = started.plusSeconds(86_400);
        Instant done = review.plusSeconds(reviewHours * 3600L);
        List<Map<String, Object>> histories = new ArrayList<>();
        histories.add(history(started, "status", "To Do", "In Progress"));
        histories.add(history(started, "assignee", null, "Alice Example"));
        histories.add(history(review, "status", "In Progress", reviewStatus));
        histories.add(history(done, "status", reviewStatus, "Done"));
        return Map.of(
                "key", key,
                "fields",
                        Map.of(
                                "status", Map.of("name", "Done", "statusCategory", Map.of("key", "done")),
                                "assignee",
                                        Map.of("displayName", "Alice Example", "accountId", "5b10ac8d82e05b22cc7d4ef5"),
                                "created", jira(created),
                                "resolutiondate", jira(done)),
                "changelog",
                        Map.of("startAt", 0, "maxResults", 100, "total", histories.size(), "histories", histories));
    }

    /** One page of the search: {@code issues} out of {@code total}, from {@code startAt}. */
    static Map<String, Object> search(List<Map<String, Object>> issues, int startAt, int total) {
        return Map.of("startAt", startAt, "maxResults", 50, "total", total, "issues", issues);
    }

    static Map<String, Object> search(List<Map<String, Object>> issues) {
        return search(issues, 0, issues.size());
    }

    /** Jira's own timestamp format, {@code 2026-11-03T09:00:00.000+0000}. */
    static String jira(Instant at) {
        return at.toString().replace("Z", ".000+0000");
    }

    private static Map<String, Object> history(Instant at, String field, String from, String to) {
        Map<String, Object> item = new HashMap<>();
        item.put("field", field);
        item.put("fromString", from);
        item.put("toString", to);
        return Map.of("created", jira(at), "items", List.of(item));
    }
}
