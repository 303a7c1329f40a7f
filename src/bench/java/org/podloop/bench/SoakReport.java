package org.podloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** {@code target/bench/soak.md}: the soak's figures and checks as the README's Reliability section shows them. */
final class SoakReport {

    private SoakReport() {}

    static String markdown(JsonNode soak) {
        JsonNode durations = soak.path("durations");
        JsonNode requests = soak.path("requests");
        JsonNode all = requests.path("all");
        JsonNode checks = soak.path("checks");
        StringBuilder md = new StringBuilder();
        md.append("Soak measured ")
                .append(Machine.dateAndCpu(soak.path("machine")))
                .append(", two nodes (-Xmx512m each) and PostgreSQL on the same machine.\n\n");
        md.append(String.format(
                "%d loops in %.1f minutes (%.1f loops a minute); reminder to choose after %s, time-box %s, reminder %s"
                        + " before its end, re-measurement overdue after %s.%n%n",
                soak.path("loops").asInt(),
                soak.path("minutes").asDouble(),
                soak.path("loopsPerMinute").asDouble(),
                durations.path("chooseReminderAfter").asText(),
                durations.path("timeBox").asText(),
                durations.path("runReminderBefore").asText(),
                durations.path("remeasurementOverdueAfter").asText()));

        md.append("| requests | count | p50 | p99 | longest |\n| --- | --- | --- | --- | --- |\n");
        md.append(row("all (" + requests.path("perSecond").asDouble() + "/s)", all));
        requests.path("byKind").fields().forEachRemaining(kind -> md.append(row(kind.getKey(), kind.getValue())));

        md.append("\nChecks: ")
                .append(checks.path("passed").asBoolean() ? "**passed**" : "**FAILED**")
                .append("\n\n");
        List<String> lines = new ArrayList<>();
        lines.add(
                "loops by path: " + checks.path("loopsByPath") + "; loops whose timeline is not what their path says: "
                        + checks.path("loopsWithProblems").asInt());
        lines.add("audit chain intact: " + checks.path("auditChainIntact").asBoolean() + " ("
                + checks.path("auditEntries").asLong() + " entries)");
        lines.add("engine: incidents " + checks.path("incidents").asLong() + ", jobs with an exception "
                + checks.path("jobsWithAnException").asLong() + ", loops still running "
                + checks.path("loopsStillRunning").asLong() + ", open tasks "
                + checks.path("openTasks").asLong());
        lines.add("answers by status (-1: no answer): " + checks.path("answers"));
        lines.add("jobs run by node: " + checks.path("jobRunsByNode") + "; failed job attempts by node: "
                + checks.path("failedJobAttemptsByNode"));
        lines.add("timers that fired because a step came later than they did (allowed, once each): "
                + checks.path("timersThatFiredBecauseAStepCameLate"));
        checks.path("problems").forEach(problem -> lines.add("problem: " + problem.asText()));
        lines.forEach(line -> md.append("- ").append(line).append('\n'));

        md.append("\nOver time (each row the 30 s before it):\n\n");
        md.append("| second | loops started | loops finished | requests/s | p99 | node A resident | node A heap"
                + " | node B resident | node B heap |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        long previous = 0;
        for (JsonNode window : soak.path("series")) {
            long second = window.path("second").asLong();
            double perSecond = window.path("requests").asDouble() / Math.max(1, second - previous);
            previous = second;
            md.append(String.format(
                    "| %d | %d | %d | %.0f | %.0f ms | %s | %s | %s | %s |%n",
                    second,
                    window.path("loopsStarted").asInt(),
                    window.path("loopsFinished").asInt(),
                    perSecond,
                    window.path("p99Millis").asDouble(),
                    mib(window.path("node0ResidentMib")),
                    mib(window.path("node0HeapUsedMib")),
                    mib(window.path("node1ResidentMib")),
                    mib(window.path("node1HeapUsedMib"))));
        }
        return md.toString();
    }

    /** A figure in MiB, or "n/a" where it could not be read (-1: the node did not answer the scrape). */
    private static String mib(JsonNode figure) {
        return figure.asLong(-1) < 0 ? "n/a" : figure.asLong() + " MiB";
    }

    private static String row(String name, JsonNode figures) {
        return String.format(
                "| %s | %d | %.1f ms | %.1f ms | %.0f ms |%n",
                name,
                figures.path("requests").asInt(),
                figures.path("p50Millis").asDouble(),
                figures.path("p99Millis").asDouble(),
                figures.path("longestMillis").asDouble());
    }
}
