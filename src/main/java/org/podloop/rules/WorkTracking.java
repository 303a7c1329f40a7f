package org.podloop.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rules/work-tracking.yaml}: how a tracker's statuses count for the execution metrics derived from
 * work imports — in progress, waiting, a decision needed, done, or known and none of these — with lists per
 * team that replace the defaults' lists of the same name.
 */
public record WorkTracking(StatusLists defaults, Map<String, StatusLists> teams) {

    /** The status names of each kind (any list may be absent: then the defaults', or none). */
    public record StatusLists(
            @JsonProperty("in-progress") List<String> inProgress,
            List<String> waiting,
            @JsonProperty("waiting-prefixes") List<String> waitingPrefixes,
            List<String> decision,
            List<String> done,
            List<String> other) {

        StatusLists over(StatusLists base) {
            return new StatusLists(
                    inProgress != null ? inProgress : base.inProgress,
                    waiting != null ? waiting : base.waiting,
                    waitingPrefixes != null ? waitingPrefixes : base.waitingPrefixes,
                    decision != null ? decision : base.decision,
                    done != null ? done : base.done,
                    other != null ? other : base.other);
        }
    }

    /** Without the file: Jira's standard workflow. */
    static final WorkTracking STANDARD = new WorkTracking(
            new StatusLists(
                    List.of("In Progress"),
                    List.of("In Review", "Blocked"),
                    List.of("Waiting"),
                    List.of("Decision Needed", "Awaiting Decision"),
                    List.of("Done", "Closed", "Resolved"),
                    List.of("To Do", "Open", "Backlog", "Selected for Development")),
            Map.of());

    static WorkTracking parse(byte[] content) {
        WorkTracking read = YamlFile.read(
                RulesFolder.WORK_TRACKING, content, WorkTracking.class, "the work-tracking mapping cannot be read");
        StatusLists defaults =
                read.defaults() == null ? STANDARD.defaults() : read.defaults().over(STANDARD.defaults());
        WorkTracking tracking = new WorkTracking(defaults, read.teams() == null ? Map.of() : read.teams());
        check("defaults", defaults);
        tracking.teams().forEach((team, lists) -> check("teams." + team, lists.over(defaults)));
        return tracking;
    }

    /** Every name a text, and each status of one kind only. */
    private static void check(String where, StatusLists lists) {
        Map<String, List<String>> named = new LinkedHashMap<>();
        named.put("in-progress", lists.inProgress());
        named.put("waiting", lists.waiting());
        named.put("decision", lists.decision());
        named.put("done", lists.done());
        named.put("other", lists.other());
        named.put("waiting-prefixes", lists.waitingPrefixes());
        Map<String, String> kindOf = new HashMap<>();
        named.forEach((kind, names) -> {
            for (String name : names == null ? List.<String>of() : names) {
                if (name == null || name.isBlank()) {
                    throw refused(where + "." + kind + " holds an empty name");
                }
                String earlier = kind.equals("waiting-prefixes")
                        ? null
                        : kindOf.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), kind);
                if (earlier != null) {
                    throw refused(where + ": '" + name.strip() + "' is both " + earlier + " and " + kind);
                }
            }
        });
    }

    private static RulesetBuildException refused(String problem) {
        return new RulesetBuildException(
                "the work-tracking mapping cannot be read", List.of(RulesFolder.WORK_TRACKING + ": " + problem));
    }

    /** The team's lists: its own where it has them, the defaults' otherwise. */
    public StatusLists forTeam(String team) {
        StatusLists own = teams.get(team);
        return own == null ? defaults : own.over(defaults);
    }
}
