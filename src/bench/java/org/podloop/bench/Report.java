package org.podloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** The Markdown table of README "Performance", each figure next to its target. */
final class Report {

    private Report() {}

    static String markdown(JsonNode r) {
        JsonNode m = r.get("machine");
        StringBuilder md = new StringBuilder();
        md.append("Measured ")
                .append(m.get("date").asText())
                .append(" on ")
                .append(m.get("cpu").asText())
                .append(", ")
                .append(m.get("cores").asInt())
                .append(" cores, ")
                .append(m.get("memory").asText())
                .append(", ")
                .append(m.get("java").asText())
                .append(", PostgreSQL on the same machine.\n\n");
        md.append(
                "| benchmark | Podloop | baseline in the same run | ratio | target | met |\n| --- | --- | --- | --- | --- | --- |\n");
        JsonNode in = r.get("ingestion");
        row(
                md,
                "ingest + classify, single POSTs (" + in.get("clients").asInt() + " clients, "
                        + in.get("snapshots").asInt() + " snapshots)",
                in.get("httpSinglePerSecond").asLong() + " snapshots/s",
                "plain JDBC batch insert: " + in.get("plainJdbcBatchPerSecond").asLong() + "/s",
                in.get("ratioSingleToJdbc").asDouble(),
                "≥ 0.5 × JDBC",
                in.get("ratioSingleToJdbc").asDouble() >= 0.5);
        row(
                md,
                "plain JDBC, one commit per snapshot (what a durable answer per POST costs)",
                in.get("plainJdbcOneCommitPerSnapshotPerSecond").asLong() + " snapshots/s",
                "plain JDBC batch insert: " + in.get("plainJdbcBatchPerSecond").asLong() + "/s",
                round(in.get("plainJdbcOneCommitPerSnapshotPerSecond").asDouble()
                        / in.get("plainJdbcBatchPerSecond").asDouble()),
                "",
                null);
        row(
                md,
                "ingest + classify, one CSV import",
                in.get("httpCsvBatchPerSecond").asLong() + " snapshots/s",
                "plain JDBC batch insert: " + in.get("plainJdbcBatchPerSecond").asLong() + "/s",
                in.get("ratioBatchToJdbc").asDouble(),
                "≥ 0.5 × JDBC",
                in.get("ratioBatchToJdbc").asDouble() >= 0.5);
        JsonNode loop = r.get("loopStart");
        row(
                md,
                "loop start to the first user task (" + loop.get("clients").asInt() + " clients, "
                        + loop.get("loops").asInt() + " loops)",
                loop.get("podloopLoopsPerSecond").asDouble() + " loops/s",
                "bare Camunda start, one user task: "
                        + loop.get("bareCamundaStartsPerSecond").asDouble() + "/s",
                loop.get("ratio").asDouble(),
                "≥ 0.6 × bare",
                loop.get("ratio").asDouble() >= 0.6);
        JsonNode c = r.get("classification");
        JsonNode one = c.get("1thread");
        JsonNode two = c.get("2threads");
        row(
                md,
                "classification, 1 thread",
                "p50 " + one.get("p50Micros").asDouble() + " µs, p99 "
                        + one.get("p99Micros").asDouble() + " µs, "
                        + one.get("throughputPerSecond").asLong() + "/s",
                "",
                Double.NaN,
                "p99 < 1 ms",
                one.get("p99Micros").asDouble() < 1000);
        row(
                md,
                "classification, 2 threads",
                "p50 " + two.get("p50Micros").asDouble() + " µs, p99 "
                        + two.get("p99Micros").asDouble() + " µs, "
                        + two.get("throughputPerSecond").asLong() + "/s",
                "",
                Double.NaN,
                "",
                null);
        row(
                md,
                "ruleset build (KieBase from rules/)",
                c.get("rulesetBuildMillisMedianOf5").asDouble() + " ms",
                "",
                Double.NaN,
                "< 2 s",
                c.get("rulesetBuildMillisMedianOf5").asDouble() < 2000);
        JsonNode audit = r.get("auditTimeline");
        for (String kind : new String[] {"loopTimeline", "loopAuditRecord"}) {
            JsonNode k = audit.get(kind);
            row(
                    md,
                    ("loopTimeline".equals(kind) ? "`GET /api/loops/{id}`" : "`GET /api/loops/{id}/audit`") + " with "
                            + audit.get("loopsInHistory").asLong() + " loops in history",
                    "p50 " + k.get("p50Millis").asDouble() + " ms, p95 "
                            + k.get("p95Millis").asDouble() + " ms",
                    "",
                    Double.NaN,
                    "p95 < 50 ms",
                    k.get("p95Millis").asDouble() < 50);
        }
        JsonNode chain = r.get("auditChain");
        for (String kind : new String[] {"governancePage", "verify"}) {
            JsonNode k = chain.get(kind);
            row(
                    md,
                    ("governancePage".equals(kind) ? "governance page `GET /governance`" : "`GET /api/audit/verify`")
                            + " with " + chain.get("entries").asLong() + " audit entries (incremental check)",
                    "p50 " + k.get("p50Millis").asDouble() + " ms, p95 "
                            + k.get("p95Millis").asDouble() + " ms",
                    "full re-verification: "
                            + chain.get("fullReVerificationSeconds").asDouble() + " s",
                    Double.NaN,
                    "p95 < 200 ms",
                    k.get("p95Millis").asDouble() < 200);
        }
        JsonNode start = r.get("startup");
        row(
                md,
                "embedded default (H2): launch to ready",
                start.get("launchToReadySeconds").asDouble() + " s",
                "",
                Double.NaN,
                "≤ 10 s",
                start.get("launchToReadySeconds").asDouble() <= 10);
        row(
                md,
                "resident memory after start (default heap)",
                start.get("residentMemoryAfterStartMib").asLong() + " MiB",
                "",
                Double.NaN,
                "≤ 600 MB",
                start.get("residentMemoryAfterStartMib").asLong() * 1.048576 <= 600);
        row(
                md,
                "embedded default with -Xmx512m: launch to ready",
                start.get("launchToReadySecondsXmx512m").asDouble() + " s",
                "",
                Double.NaN,
                "≤ 10 s",
                start.get("launchToReadySecondsXmx512m").asDouble() <= 10);
        row(
                md,
                "resident memory after start with -Xmx512m",
                start.get("residentMemoryAfterStartMibXmx512m").asLong() + " MiB",
                "",
                Double.NaN,
                "≤ 600 MB",
                start.get("residentMemoryAfterStartMibXmx512m").asLong() * 1.048576 <= 600);
        row(
                md,
                "resident memory after the ingestion run (PostgreSQL node, -Xmx1g)",
                r.get("residentMemoryAfterIngestionMib").asLong() + " MiB",
                "",
                Double.NaN,
                "",
                null);
        md.append("\nWhere the node's CPU went (JFR samples, by the first frame of a component):\n\n");
        profile(md, "start-up to ready", start.get("profileOfStartUp"));
        profile(md, "single-POST ingestion", in.get("profileOfSinglePosts"));
        profile(md, "CSV import", in.get("profileOfCsvImport"));
        profile(md, "loop starts", loop.get("profileOfLoopStarts"));
        return md.toString();
    }

    private static double round(double value) {
        return BenchmarkRunner.round(value);
    }

    private static void row(
            StringBuilder md, String name, String podloop, String baseline, double ratio, String target, Boolean met) {
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(podloop)
                .append(" | ")
                .append(baseline)
                .append(" | ")
                .append(Double.isNaN(ratio) ? "" : String.valueOf(ratio))
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(met == null ? "" : met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static void profile(StringBuilder md, String phase, JsonNode profile) {
        md.append("- ")
                .append(phase)
                .append(" (")
                .append(profile.get("cpuSamples").asInt())
                .append(" samples): ");
        Iterator<Map.Entry<String, JsonNode>> shares =
                profile.get("shareByFirstComponentFrame").fields();
        StringBuilder line = new StringBuilder();
        while (shares.hasNext()) {
            Map.Entry<String, JsonNode> share = shares.next();
            line.append(line.isEmpty() ? "" : ", ")
                    .append(share.getKey())
                    .append(" ")
                    .append(share.getValue().asText());
        }
        md.append(line).append('\n');
    }
}
