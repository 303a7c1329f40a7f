package org.podloop.worksignal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading a GitHub export (issues and pull requests with their timelines and reviews) into work items with
 * the synthetic statuses the mapping knows: a realistic export rebuilt event by event, the metrics on it
 * hand-computed, no logins kept, and bad input refused with the field that is wrong.
 */
class GitHubExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Issue #101 (assigned, blocked for 6 h, closed, reopened, handed to someone else, closed again), draft PR
     * #102 (ready for review, reviewed by its author and then 12 h after being ready by someone else, merged),
     * PR #104 (opened ready, reviewed after 30 h, merged) and issue #105 (open, nobody assigned); trimmed to
     * what matters plus some noise of the real API.
     */
    private static final String EXPORT = """
            [
              {
                "url": "https://api.github.com/repos/acme/digest/issues/101",
                "id": 2001,
                "number": 101,
                "title": "Export the weekly digest",
                "user": { "login": "alice-dev", "id": 501, "type": "User" },
                "labels": [ { "id": 11, "name": "bug", "color": "d73a4a" } ],
                "state": "closed",
                "state_reason": "completed",
                "assignee": { "login": "carol-ops", "id": 503 },
                "assignees": [ { "login": "carol-ops", "id": 503 } ],
                "comments": 1,
                "created_at": "2026-11-02T09:00:00Z",
                "updated_at": "2026-11-06T15:00:00Z",
                "closed_at": "2026-11-06T15:00:00Z",
                "body": "Bob said he would look at it",
                "timeline": [
                  { "event": "labeled", "created_at": "2026-11-02T09:05:00Z",
                    "actor": { "login": "alice-dev" }, "label": { "name": "bug", "color": "d73a4a" } },
                  { "event": "assigned", "created_at": "2026-11-02T10:00:00Z",
                    "actor": { "login": "alice-dev" }, "assignee": { "login": "bob-builder" } },
                  { "event": "labeled", "created_at": "2026-11-03T10:00:00Z",
                    "actor": { "login": "bob-builder" }, "label": { "name": "Blocked" } },
                  { "event": "unlabeled", "created_at": "2026-11-03T16:00:00Z",
                    "actor": { "login": "bob-builder" }, "label": { "name": "Blocked" } },
                  { "event": "closed", "created_at": "2026-11-04T10:00:00Z",
                    "actor": { "login": "bob-builder" }, "state_reason": "completed", "commit_id": null },
                  { "event": "reopened", "created_at": "2026-11-05T10:00:00Z", "actor": { "login": "alice-dev" } },
                  { "event": "commented", "created_at": "2026-11-05T11:00:00Z",
                    "actor": { "login": "alice-dev" }, "user": { "login": "alice-dev" },
                    "body": "Still broken for carol-ops" },
                  { "event": "unassigned", "created_at": "2026-11-05T12:00:00Z",
                    "actor": { "login": "bob-builder" }, "assignee": { "login": "bob-builder" } },
                  { "event": "assigned", "created_at": "2026-11-06T09:00:00Z",
                    "actor": { "login": "carol-ops" }, "assignee": { "login": "carol-ops" } },
                  { "event": "closed", "created_at": "2026-11-06T15:00:00Z", "actor": { "login": "carol-ops" } }
                ]
              },
              {
                "number": 102,
                "title": "Stream the digest",
                "user": { "login": "dana-dev", "id": 504 },
                "labels": [],
                "state": "closed",
                "assignee": { "login": "dana-dev" },
                "assignees": [ { "login": "dana-dev" } ],
                "draft": false,
                "pull_request": {
                  "url": "https://api.github.com/repos/acme/digest/pulls/102",
                  "merged_at": "2026-11-05T15:00:00Z"
                },
                "created_at": "2026-11-03T09:00:00Z",
                "closed_at": "2026-11-05T15:00:00Z",
                "timeline": [
                  { "event": "committed", "sha": "9f1c2e", "author": { "name": "Dana Dev", "date": "2026-11-03T08:50:00Z" },
                    "message": "Stream instead of buffering" },
                  { "event": "ready_for_review", "created_at": "2026-11-04T09:00:00Z", "actor": { "login": "dana-dev" } },
                  { "event": "review_requested", "created_at": "2026-11-04T09:01:00Z",
                    "actor": { "login": "dana-dev" }, "requested_reviewer": { "login": "erin-rev" },
                    "review_requester": { "login": "dana-dev" } },
                  { "event": "merged", "created_at": "2026-11-05T15:00:00Z",
                    "actor": { "login": "erin-rev" }, "commit_id": "77ab01" },
                  { "event": "closed", "created_at": "2026-11-05T15:00:00Z", "actor": { "login": "erin-rev" } }
                ],
                "reviews": [
                  { "id": 80, "user": { "login": "dana-dev" }, "state": "COMMENTED",
                    "body": "Notes for erin-rev", "submitted_at": "2026-11-04T12:00:00Z" },
                  { "id": 81, "user": { "login": "erin-rev" }, "state": "CHANGES_REQUESTED",
                    "submitted_at": "2026-11-04T21:00:00Z" },
                  { "id": 82, "user": { "login": "erin-rev" }, "state": "APPROVED",
                    "submitted_at": "2026-11-05T14:00:00Z" }
                ]
              },
              {
                "number": 104,
                "title": "Digest footer",
                "user": { "login": "alice-dev" },
                "state": "closed",
                "assignee": null,
                "assignees": [],
                "draft": false,
                "pull_request": { "merged_at": "2026-11-07T17:00:00Z" },
                "created_at": "2026-11-06T10:00:00Z",
                "closed_at": "2026-11-07T17:00:00Z",
                "timeline": [
                  { "event": "merged", "created_at": "2026-11-07T17:00:00Z", "actor": { "login": "bob-builder" } },
                  { "event": "closed", "created_at": "2026-11-07T17:00:00Z", "actor": { "login": "bob-builder" } },
                  { "event": "review_requested", "created_at": "2026-11-06T10:01:00Z",
                    "actor": { "login": "alice-dev" }, "requested_reviewer": { "login": "bob-builder" } }
                ],
                "reviews": [
                  { "user": { "login": "bob-builder" }, "state": "APPROVED", "submitted_at": "2026-11-07T16:00:00Z" }
                ]
              },
              {
                "number": 105,
                "title": "Digest in French",
                "user": { "login": "erin-rev" },
                "state": "open",
                "assignee": null,
                "assignees": [],
                "created_at": "2026-11-08T08:00:00Z",
                "closed_at": null,
                "timeline": []
              }
            ]
            """;

    private static final List<String> LOGINS =
            List.of("alice-dev", "bob-builder", "carol-ops", "dana-dev", "erin-rev", "Bob", "Dana Dev");

    @Test
    void rebuildsAnIssueThatWasBlockedClosedReopenedAndHandedOver() {
        WorkItem issue = parse(EXPORT).get(0);

        assertThat(issue.key()).isEqualTo("#101");
        assertThat(issue.created()).isEqualTo(at("2026-11-02T09:00:00Z"));
        assertThat(issue.createdStatus()).isEqualTo("To Do");
        assertThat(issue.resolved()).isEqualTo(at("2026-11-06T15:00:00Z"));
        assertThat(issue.sprints()).isEmpty();
        assertThat(issue.statuses())
                .containsExactly(
                        new StatusChange(at("2026-11-02T10:00:00Z"), "To Do", "In Progress"),
                        new StatusChange(at("2026-11-03T10:00:00Z"), "In Progress", "Blocked"),
                        new StatusChange(at("2026-11-03T16:00:00Z"), "Blocked", "In Progress"),
                        new StatusChange(at("2026-11-04T10:00:00Z"), "In Progress", "Done"),
                        new StatusChange(at("2026-11-05T10:00:00Z"), "Done", "In Progress"),
                        new StatusChange(at("2026-11-05T12:00:00Z"), "In Progress", "To Do"),
                        new StatusChange(at("2026-11-06T09:00:00Z"), "To Do", "In Progress"),
                        new StatusChange(at("2026-11-06T15:00:00Z"), "In Progress", "Done"));
        assertThat(issue.assignedAtCreation()).isFalse();
        assertThat(issue.assignees())
                .containsExactly(
                        new AssigneeChange(at("2026-11-02T10:00:00Z"), false, true, true),
                        new AssigneeChange(at("2026-11-05T12:00:00Z"), true, false, false),
                        new AssigneeChange(at("2026-11-06T09:00:00Z"), false, true, true));
    }

    @Test
    void aDraftPullRequestWaitsFromReadyForReviewUntilSomeoneOtherThanItsAuthorReviews() {
        List<WorkItem> items = parse(EXPORT);
        WorkItem draft = items.get(1);

        assertThat(draft.key()).isEqualTo("#102");
        assertThat(draft.createdStatus()).isEqualTo("In Progress");
        // the author's own review at 12:00 does not end the wait; erin-rev's at 21:00 does
        assertThat(draft.statuses())
                .containsExactly(
                        new StatusChange(at("2026-11-04T09:00:00Z"), "In Progress", "In Review"),
                        new StatusChange(at("2026-11-04T21:00:00Z"), "In Review", "In Progress"),
                        new StatusChange(at("2026-11-05T15:00:00Z"), "In Progress", "Done"));
        assertThat(draft.resolved()).isEqualTo(at("2026-11-05T15:00:00Z"));
        assertThat(draft.assignedAtCreation()).isTrue();
        assertThat(draft.assignees()).isEmpty();

        WorkItem ready = items.get(2);
        assertThat(ready.key()).isEqualTo("#104");
        assertThat(ready.createdStatus()).isEqualTo("In Review");
        assertThat(ready.statuses())
                .containsExactly(
                        new StatusChange(at("2026-11-07T16:00:00Z"), "In Review", "In Progress"),
                        new StatusChange(at("2026-11-07T17:00:00Z"), "In Progress", "Done"));

        WorkItem open = items.get(3);
        assertThat(open.key()).isEqualTo("#105");
        assertThat(open.createdStatus()).isEqualTo("To Do");
        assertThat(open.statuses()).isEmpty();
        assertThat(open.resolved()).isNull();
    }

    @Test
    void keepsNoLoginsOrNamesOfPeople() {
        assertThat(parse(EXPORT).toString()).doesNotContain(LOGINS);
    }

    @Test
    void theMetricsOnTheExportAreTheHandComputedOnes() {
        List<WorkItem> items = parse(EXPORT);
        WorkMetrics metrics = WorkMetrics.compute(
                items, StatusMapping.defaults(), at("2026-11-01T00:00:00Z"), at("2026-11-15T00:00:00Z"), null, null, 3);

        assertThat(metrics.unknownStatuses()).isEmpty();
        // waiting: #101 blocked 6 h, #102 in review 09:00 → 21:00 = 12 h, #104 10:00 → next day 16:00 = 30 h;
        // #105 was never active. Median of 6, 12, 30 → 12
        assertThat(metrics.find(WorkMetrics.HANDOFF_DELAY)).hasValueSatisfying(handoff -> {
            assertThat(handoff.value()).isEqualTo(12.0);
            assertThat(handoff.items()).isEqualTo(3);
        });
        // done in the period: #101, #102, #104; reopened: #101 → 1 of 3
        assertThat(metrics.find(WorkMetrics.REWORK_RATE)).hasValueSatisfying(rework -> {
            assertThat(rework.value()).isEqualTo(33.3);
            assertThat(rework.items()).isEqualTo(3);
        });
    }

    @Test
    void readsTheStateAtCreationFromTheFirstEventOrTheCurrentFields() {
        List<WorkItem> items = parse("""
                [
                  {"number": 7, "state": "open", "created_at": "2026-11-02T09:00:00Z",
                   "assignees": [{"login": "bob-builder"}], "labels": [{"name": "BLOCKED"}], "timeline": []},
                  {"number": 8, "state": "open", "created_at": "2026-11-02T09:00:00Z", "assignee": null,
                   "timeline": [
                     {"event": "unassigned", "created_at": "2026-11-03T09:00:00Z", "assignee": {"login": "bob-builder"}},
                     {"event": "unlabeled", "created_at": "2026-11-02T12:00:00Z", "label": {"name": "blocked"}}
                   ]},
                  {"number": 9, "state": "closed", "created_at": "2026-11-02T09:00:00Z",
                   "closed_at": "2026-11-04T09:00:00Z", "timeline": []}
                ]
                """);

        assertThat(items.get(0).createdStatus()).isEqualTo("Blocked");
        assertThat(items.get(0).assignedAtCreation()).isTrue();
        assertThat(items.get(0).statuses()).isEmpty();

        assertThat(items.get(1).createdStatus()).isEqualTo("Blocked");
        assertThat(items.get(1).assignedAtCreation()).isTrue();
        assertThat(items.get(1).statuses())
                .containsExactly(
                        new StatusChange(at("2026-11-02T12:00:00Z"), "Blocked", "In Progress"),
                        new StatusChange(at("2026-11-03T09:00:00Z"), "In Progress", "To Do"));

        // closed with its closing cut off the timeline: done at closed_at
        assertThat(items.get(2).statuses())
                .containsExactly(new StatusChange(at("2026-11-04T09:00:00Z"), "To Do", "Done"));
        assertThat(items.get(2).resolved()).isEqualTo(at("2026-11-04T09:00:00Z"));
    }

    @Test
    void aPullRequestBackToDraftWaitsAgainOnceReadyAndOnlyItsAuthorsReviewsKeepItWaiting() {
        List<WorkItem> items = parse("""
                [
                  {"number": 21, "state": "open", "created_at": "2026-11-02T09:00:00Z", "user": {"login": "dana-dev"},
                   "draft": false, "pull_request": {"merged_at": null},
                   "timeline": [
                     {"event": "converted_to_draft", "created_at": "2026-11-03T09:00:00Z"},
                     {"event": "ready_for_review", "created_at": "2026-11-04T09:00:00Z"}
                   ],
                   "reviews": [
                     {"user": {"login": "erin-rev"}, "state": "COMMENTED", "submitted_at": "2026-11-02T12:00:00Z"},
                     {"user": {"login": "erin-rev"}, "state": "PENDING"},
                     {"user": null, "state": "APPROVED", "submitted_at": "2026-11-04T11:00:00Z"}
                   ]},
                  {"number": 22, "state": "open", "created_at": "2026-11-02T09:00:00Z", "user": {"login": "dana-dev"},
                   "pull_request": {}, "timeline": [],
                   "reviews": [
                     {"user": {"login": "dana-dev"}, "state": "COMMENTED", "submitted_at": "2026-11-02T12:00:00Z"}
                   ]}
                ]
                """);

        assertThat(items.get(0).createdStatus()).isEqualTo("In Review");
        assertThat(items.get(0).statuses())
                .containsExactly(
                        new StatusChange(at("2026-11-02T12:00:00Z"), "In Review", "In Progress"),
                        new StatusChange(at("2026-11-04T09:00:00Z"), "In Progress", "In Review"),
                        new StatusChange(at("2026-11-04T11:00:00Z"), "In Review", "In Progress"));
        assertThat(items.get(1).createdStatus()).isEqualTo("In Review");
        assertThat(items.get(1).statuses()).isEmpty();
    }

    @Test
    void refusesWhatIsNotAGitHubExport() {
        String notAnExport = "this is not a GitHub export (an array of issues and pull requests";
        assertRefused("{\"startAt\": 0, \"issues\": []}", "body", notAnExport);
        assertRefused("{\"startAt\": 0, \"issues\": []}", "body", "source=jira");
        assertRefused("\"hello\"", "body", notAnExport);
        assertRefused("[{\"key\": \"POD-1\", \"fields\": {}}]", "[0]", notAnExport);
        assertRefused("[{\"issues\": []}]", "[0]", notAnExport);
        assertRefused("[42]", "[0]", notAnExport);
        assertThatThrownBy(() -> GitHubExport.parse(null))
                .isInstanceOfSatisfying(
                        WorkImportException.class,
                        refused -> assertThat(refused.field()).isEqualTo("body"));
    }

    @Test
    void namesTheFieldThatIsMissingOrMalformed() {
        assertRefused("[{\"number\": 3, \"state\": \"open\", \"timeline\": []}]", "[0].created_at", "is missing");
        assertRefused(
                "[{\"title\": \"x\", \"created_at\": \"2026-11-02T09:00:00Z\", \"state\": \"open\", \"timeline\": []}]",
                "[0].number",
                "is missing");
        assertRefused(item("\"number\": \"three\""), "[0].number", "expected a whole number");
        assertRefused(item("\"state\": \"merged\""), "[0].state", "expected \"open\" or \"closed\"");
        assertRefused(item("\"created_at\": \"last Tuesday\""), "[0].created_at", "expected a time such as");
        assertRefused(item("\"timeline\": null"), "[0].timeline", "/issues/{number}/timeline");
        assertRefused(item("\"timeline\": {}"), "[0].timeline", "expected a list of events");
        assertRefused(
                item("\"timeline\": [{\"event\": \"assigned\", \"created_at\": \"2026-11-03T09:00:00Z\"}]"),
                "[0].timeline[0].assignee.login",
                "is missing");
        assertRefused(
                item("\"timeline\": [{\"event\": \"labeled\", \"created_at\": \"2026-11-03T09:00:00Z\"}]"),
                "[0].timeline[0].label",
                "is missing");
        assertRefused(item("\"state\": \"closed\", \"closed_at\": null"), "[0].closed_at", "is missing");

        String badEventTime = EXPORT.replace(
                "{ \"event\": \"merged\", \"created_at\": \"2026-11-07T17:00:00Z\"",
                "{ \"event\": \"merged\", \"created_at\": \"yesterday\"");
        assertRefused(badEventTime, "[2].timeline[0].created_at", "expected a time such as 2026-11-03T09:15:00Z");

        String noReviews = EXPORT.replace(
                "\"reviews\": [\n      { \"user\": { \"login\": \"bob-builder\" }, \"state\": \"APPROVED\","
                        + " \"submitted_at\": \"2026-11-07T16:00:00Z\" }\n    ]",
                "\"reviews\": null");
        assertThat(noReviews).isNotEqualTo(EXPORT);
        assertRefused(noReviews, "[2].reviews", "/pulls/{number}/reviews");

        String unsubmitted =
                EXPORT.replace("\"submitted_at\": \"2026-11-04T21:00:00Z\"", "\"submitted\": \"2026-11-04T21:00:00Z\"");
        assertRefused(unsubmitted, "[1].reviews[1].submitted_at", "is missing");

        String noAuthor = EXPORT.replace("\"user\": { \"login\": \"dana-dev\", \"id\": 504 },", "");
        assertRefused(noAuthor, "[1].user.login", "is missing");

        String twice = EXPORT.replace("\"number\": 104,", "\"number\": 102,");
        assertRefused(twice, "[2].number", "#102 appears more than once");
    }

    private static String item(String override) {
        String base = "\"number\": 3, \"state\": \"open\", \"created_at\": \"2026-11-02T09:00:00Z\", \"timeline\": []";
        String key = override.substring(0, override.indexOf(':'));
        String rest = java.util.Arrays.stream(base.split(", (?=\")"))
                .filter(part -> !part.startsWith(key))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        return "[{" + rest + ", " + override + "}]";
    }

    private static List<WorkItem> parse(String body) {
        return GitHubExport.parse(json(body));
    }

    private static void assertRefused(String body, String field, String messagePart) {
        assertThatThrownBy(() -> GitHubExport.parse(json(body)))
                .isInstanceOfSatisfying(WorkImportException.class, refused -> {
                    assertThat(refused.field()).isEqualTo(field);
                    assertThat(refused.getMessage()).contains(messagePart).doesNotContain("Exception", "java.");
                });
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }
}
