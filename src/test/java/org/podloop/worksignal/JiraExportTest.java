package org.podloop.worksignal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading a Jira search export with changelogs: a realistic two-page export, no names of people kept,
 * Jira's and ISO timestamps, and bad input refused with the field that is wrong.
 */
class JiraExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two pages of /rest/api/2/search?expand=changelog, trimmed to what matters plus some noise. */
    private static final String TWO_PAGES = """
            [
              {
                "expand": "schema,names",
                "startAt": 0,
                "maxResults": 2,
                "total": 3,
                "issues": [
                  {
                    "expand": "operations,changelog",
                    "id": "10001",
                    "self": "https://example.atlassian.net/rest/api/2/issue/10001",
                    "key": "POD-1",
                    "fields": {
                      "summary": "Export the weekly digest",
                      "status": {
                        "name": "In Review",
                        "statusCategory": { "id": 4, "key": "indeterminate", "name": "In Progress" }
                      },
                      "assignee": {
                        "accountId": "5b10a2844c20165700ede21g",
                        "displayName": "Alice Example",
                        "emailAddress": "alice@example.com"
                      },
                      "reporter": { "accountId": "5b10ac8d82e05b22cc7d4ef5", "displayName": "Carol Reporter" },
                      "created": "2026-11-02T08:00:00.000+0000",
                      "resolutiondate": null
                    },
                    "changelog": {
                      "startAt": 0,
                      "maxResults": 3,
                      "total": 3,
                      "histories": [
                        {
                          "id": "1",
                          "author": { "displayName": "Alice Example" },
                          "created": "2026-11-02T09:15:00.000+0000",
                          "items": [
                            { "field": "assignee", "fieldtype": "jira", "from": null, "fromString": null,
                              "to": "5b10a2844c20165700ede21g", "toString": "Alice Example" },
                            { "field": "Sprint", "fieldtype": "custom", "from": "", "fromString": "",
                              "to": "41", "toString": "Pod Sprint 7" }
                          ]
                        },
                        {
                          "id": "2",
                          "created": "2026-11-02T09:30:00.000+0000",
                          "items": [
                            { "field": "status", "fromString": "To Do", "toString": "In Progress" },
                            { "field": "description", "fromString": "old text", "toString": "new text" }
                          ]
                        },
                        {
                          "id": "3",
                          "created": "2026-11-04T16:45:00.000+0100",
                          "items": [ { "field": "status", "fromString": "In Progress", "toString": "In Review" } ]
                        }
                      ]
                    }
                  },
                  {
                    "key": "POD-2",
                    "fields": {
                      "status": {
                        "name": "To Do",
                        "statusCategory": { "key": "new" }
                      },
                      "assignee": { "accountId": "557058:bob", "displayName": "Bob Builder" },
                      "created": "2026-11-03T10:00:00.000+0000"
                    },
                    "changelog": { "startAt": 0, "maxResults": 0, "total": 0, "histories": [] }
                  }
                ]
              },
              {
                "startAt": 2,
                "maxResults": 2,
                "total": 3,
                "issues": [
                  {
                    "key": "POD-3",
                    "fields": {
                      "status": {
                        "name": "Shipped",
                        "statusCategory": { "key": "done" }
                      },
                      "assignee": { "accountId": "557058:bob", "displayName": "Bob Builder" },
                      "created": "2026-10-28T12:00:00Z",
                      "resolutiondate": "2026-11-06T17:00:00.000+0000"
                    },
                    "changelog": {
                      "histories": [
                        {
                          "created": "2026-11-06T17:00:00.000+0000",
                          "items": [ { "field": "status", "fromString": "In Progress", "toString": "Shipped" } ]
                        },
                        {
                          "created": "2026-10-29T09:00:00.000+0000",
                          "items": [
                            { "field": "assignee", "fromString": "Alice Example", "toString": "Bob Builder" },
                            { "field": "Sprint", "fromString": "Pod Sprint 6", "toString": "Pod Sprint 6, Pod Sprint 7" }
                          ]
                        },
                        {
                          "created": "2026-11-01T09:00:00.000+0000",
                          "items": [
                            { "field": "assignee", "fromString": "Bob Builder", "toString": null },
                            { "field": "Sprint", "fromString": "Pod Sprint 6, Pod Sprint 7", "toString": "Pod Sprint 7" }
                          ]
                        },
                        {
                          "created": "2026-11-02T09:00:00.000+0000",
                          "items": [ { "field": "assignee", "fromString": null, "toString": "Bob Builder" } ]
                        }
                      ]
                    }
                  }
                ]
              }
            ]
            """;

    @Test
    void readsEveryIssueOfEveryPage() {
        assertThat(JiraExport.parse(json(TWO_PAGES)))
                .extracting(WorkItem::key)
                .containsExactly("POD-1", "POD-2", "POD-3");
    }

    @Test
    void rebuildsStatusAssignmentAndSprintHistory() {
        WorkItem first = JiraExport.parse(json(TWO_PAGES)).get(0);

        assertThat(first.created()).isEqualTo(Instant.parse("2026-11-02T08:00:00Z"));
        assertThat(first.createdStatus()).isEqualTo("To Do");
        assertThat(first.resolved()).isNull();
        assertThat(first.statuses())
                .containsExactly(
                        new StatusChange(Instant.parse("2026-11-02T09:30:00Z"), "To Do", "In Progress"),
                        new StatusChange(Instant.parse("2026-11-04T15:45:00Z"), "In Progress", "In Review"));
        assertThat(first.assignedAtCreation()).isFalse();
        assertThat(first.assignees())
                .containsExactly(new AssigneeChange(Instant.parse("2026-11-02T09:15:00Z"), false, true, true));
        assertThat(first.sprints())
                .containsExactly(new SprintSpan("Pod Sprint 7", Instant.parse("2026-11-02T09:15:00Z"), null));
    }

    @Test
    void anItemThatNeverChangedWasCreatedInItsCurrentStatusAndAssignment() {
        WorkItem second = JiraExport.parse(json(TWO_PAGES)).get(1);

        assertThat(second.createdStatus()).isEqualTo("To Do");
        assertThat(second.statuses()).isEmpty();
        assertThat(second.assignedAtCreation()).isTrue();
        assertThat(second.assignees()).isEmpty();
        assertThat(second.sprints()).isEmpty();
    }

    @Test
    void historiesAreTakenInTimeOrderAndTheSamePersonBackIsNoChangeOfPerson() {
        WorkItem third = JiraExport.parse(json(TWO_PAGES)).get(2);

        assertThat(third.created()).isEqualTo(Instant.parse("2026-10-28T12:00:00Z"));
        assertThat(third.resolved()).isEqualTo(Instant.parse("2026-11-06T17:00:00Z"));
        assertThat(third.createdStatus()).isEqualTo("In Progress");
        assertThat(third.assignedAtCreation()).isTrue();
        assertThat(third.assignees())
                .containsExactly(
                        new AssigneeChange(Instant.parse("2026-10-29T09:00:00Z"), true, true, true),
                        new AssigneeChange(Instant.parse("2026-11-01T09:00:00Z"), true, false, false),
                        new AssigneeChange(Instant.parse("2026-11-02T09:00:00Z"), false, true, false));
        assertThat(third.sprints())
                .containsExactly(
                        new SprintSpan(
                                "Pod Sprint 6",
                                Instant.parse("2026-10-28T12:00:00Z"),
                                Instant.parse("2026-11-01T09:00:00Z")),
                        new SprintSpan("Pod Sprint 7", Instant.parse("2026-10-29T09:00:00Z"), null));
    }

    @Test
    void keepsNoNamesOrAccountsOfPeople() {
        String everything = JiraExport.parse(json(TWO_PAGES)).toString();

        assertThat(everything)
                .doesNotContain("Alice", "Bob", "Carol", "alice@", "5b10a2844c20165700ede21g", "557058:bob");
    }

    @Test
    void tellsWhichStatusesJiraCountsAsDone() {
        assertThat(JiraExport.doneCategoryStatuses(json(TWO_PAGES))).containsExactly("Shipped");
        assertThat(StatusMapping.defaults()
                        .withDone(JiraExport.doneCategoryStatuses(json(TWO_PAGES)))
                        .kindOf("shipped", null))
                .isEqualTo(StatusKind.DONE);
    }

    @Test
    void readsASinglePageToo() {
        List<WorkItem> items = JiraExport.parse(json("""
                {"issues": [{"key": "POD-9", "fields": {"status": {"name": "Open"}, "assignee": null,
                  "created": "2026-11-03T09:15:00+01:00"}, "changelog": {"histories": []}}]}
                """));

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.created()).isEqualTo(Instant.parse("2026-11-03T08:15:00Z"));
            assertThat(item.assignedAtCreation()).isFalse();
        });
    }

    @Test
    void refusesWhatIsNotAJiraSearchResponse() {
        String gitHubIssues = """
                [{"id": 1, "number": 12, "title": "Fix the build", "user": {"login": "octocat"}, "state": "open"}]
                """;

        assertRefused(gitHubIssues, "[0]", "not a Jira search response");
        assertRefused("{\"items\": []}", "body", "not a Jira search response");
        assertRefused("\"hello\"", "body", "not a Jira search response");
        assertRefused("{\"issues\": [{\"id\": 1, \"title\": \"x\"}]}", "issues[0]", "\"key\" and \"fields\"");
        assertRefused("{\"issues\": {}}", "issues", "expected a list of issues");
    }

    @Test
    void namesTheFieldThatIsMissingOrMalformed() {
        assertRefused(
                withSecondIssue("\"created\": \"2026-11-03T10:00:00.000+0000\""),
                "issues[1].fields.status",
                "is missing");
        assertRefused(withSecondIssue("\"status\": {\"name\": \"To Do\"}"), "issues[1].fields.created", "is missing");
        assertRefused(
                withSecondIssue("\"status\": {\"name\": \"To Do\"}, \"created\": \"last Tuesday\""),
                "issues[1].fields.created",
                "expected a time such as 2026-11-03T09:15:00.000+0000");
        assertRefused(
                withSecondIssue("\"status\": {\"name\": \"To Do\"}, \"created\": \"2026-11-03T10:00:00.000+0000\","
                        + " \"resolutiondate\": 42"),
                "issues[1].fields.resolutiondate",
                "expected a time");
        assertRefused(
                withSecondIssue("\"status\": {\"name\": \"\"}, \"created\": \"2026-11-03T10:00:00.000+0000\""),
                "issues[1].fields.status.name",
                "expected text");
        assertRefused(
                withSecondIssue("\"status\": {\"name\": \"To Do\"}, \"created\": \"2026-11-03T10:00:00.000+0000\","
                        + " \"assignee\": \"Bob\""),
                "issues[1].fields.assignee",
                "expected a person or null");
    }

    @Test
    void namesTheFieldInsideTheChangelogAndThePage() {
        String pages = TWO_PAGES.replace("\"created\": \"2026-11-06T17:00:00.000+0000\"", "\"created\": \"soon\"");
        assertRefused(pages, "[1].issues[0].changelog.histories[0].created", "expected a time");

        String noTarget = TWO_PAGES.replace(
                "{ \"field\": \"status\", \"fromString\": \"In Progress\", \"toString\": \"In Review\" }",
                "{ \"field\": \"status\", \"fromString\": \"In Progress\", \"toString\": null }");
        assertRefused(noTarget, "[0].issues[0].changelog.histories[2].items[0].toString", "needs the new status");

        String noChangelog = """
                {"issues": [{"key": "POD-9", "fields": {"status": {"name": "Open"}, "created": "2026-11-03T09:15:00Z"}}]}
                """;
        assertRefused(noChangelog, "issues[0].changelog", "expand=changelog");

        String twice = "[" + page("POD-9") + "," + page("POD-9") + "]";
        assertRefused(twice, "[1].issues[0].key", "POD-9 appears more than once");
    }

    private static String withSecondIssue(String fields) {
        return """
                {"issues": [
                  {"key": "POD-1", "fields": {"status": {"name": "To Do"}, "created": "2026-11-03T10:00:00.000+0000"},
                   "changelog": {"histories": []}},
                  {"key": "POD-2", "fields": {%s}, "changelog": {"histories": []}}
                ]}
                """.formatted(fields);
    }

    private static String page(String key) {
        return """
                {"issues": [{"key": "%s", "fields": {"status": {"name": "Open"}, "created": "2026-11-03T09:15:00Z"},
                  "changelog": {"histories": []}}]}
                """.formatted(key);
    }

    private static void assertRefused(String body, String field, String messagePart) {
        assertThatThrownBy(() -> JiraExport.parse(json(body)))
                .isInstanceOfSatisfying(WorkImportException.class, refused -> {
                    assertThat(refused.field()).isEqualTo(field);
                    assertThat(refused.getMessage())
                            .contains(messagePart)
                            .doesNotContain("Exception", "java.", "com.fasterxml", "JsonNode");
                });
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
