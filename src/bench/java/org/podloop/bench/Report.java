package org.podloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The Markdown table of README "Performance", each figure next to its target. */
final class Report {

    private Report() {}

    static String markdown(JsonNode r) {
        JsonNode m = r.get("machine");
        StringBuilder md = new StringBuilder();
        md.append("Measured ")
                .append(Machine.dateAndCpu(m))
                .append(", ")
                .append(m.get("memory").asText())
                .append(", ")
                .append(m.get("java").asText())
                .append(", PostgreSQL on the same machine.\n\n");
        md.append("Figures of ")
                .append(r.get("trials").asInt())
                .append(" trials in one run: median (lowest–highest). A target is met when the median meets it.\n\n");
        md.append(
                "| benchmark | Podloop | baseline in the same run | ratio | target | met |\n| --- | --- | --- | --- | --- | --- |\n");
        JsonNode in = r.get("ingestion");
        JsonNode loop = r.get("loopStart");
        JsonNode start = r.get("startup");
        if (measured(r, "ingestion", md)) {
            row(
                    md,
                    "ingest + classify, single POSTs ("
                            + in.get("clients").get(0).asInt() + " clients, "
                            + in.get("snapshots").get(0).asInt() + " snapshots)",
                    range(in.get("httpSinglePerSecond")) + " snapshots/s",
                    "plain JDBC, one commit per snapshot, "
                            + in.get("clients").get(0).asInt() + " connections: "
                            + range(in.get("plainJdbcOneCommitPerSnapshotPerSecond")) + "/s",
                    in.get("ratioSingleToJdbcOneCommit"),
                    "≥ 0.3 × JDBC",
                    0.3);
            row(
                    md,
                    "ingest + classify, one CSV import",
                    range(in.get("httpCsvBatchPerSecond")) + " snapshots/s",
                    "plain JDBC batch insert: " + range(in.get("plainJdbcBatchPerSecond")) + "/s",
                    in.get("ratioBatchToJdbcBatch"),
                    "≥ 0.5 × JDBC",
                    0.5);
        }
        if (measured(r, "loopStart", md)) {
            row(
                    md,
                    "loop start to the first user task ("
                            + loop.get("clients").get(0).asInt() + " clients, "
                            + loop.get("loops").get(0).asInt() + " loops)",
                    range(loop.get("podloopLoopsPerSecond")) + " loops/s",
                    "bare Camunda start, one user task: " + range(loop.get("bareCamundaStartsPerSecond")) + "/s",
                    loop.get("ratio"),
                    "≥ 0.6 × bare",
                    0.6);
        }
        if (measured(r, "growth", md) && measured(r, "ingestion", null) && measured(r, "loopStart", null)) {
            JsonNode growth = r.get("growth");
            String history = growth.get("loopsInHistory").asLong() + " loops and "
                    + growth.get("auditEntriesInHistory").asLong() + " audit entries in history";
            row(
                    md,
                    "single POSTs with " + history,
                    range(growth.get("httpSinglePerSecond")) + " snapshots/s",
                    "the same on the empty database: " + range(in.get("httpSinglePerSecond")) + "/s",
                    ratio(growth.get("httpSinglePerSecond"), in.get("httpSinglePerSecond")),
                    "≥ 0.8 × empty",
                    0.8);
            row(
                    md,
                    "loop start with " + history,
                    range(growth.get("podloopLoopsPerSecond")) + " loops/s",
                    "the same on the empty database: " + range(loop.get("podloopLoopsPerSecond")) + "/s",
                    ratio(growth.get("podloopLoopsPerSecond"), loop.get("podloopLoopsPerSecond")),
                    "≥ 0.8 × empty",
                    0.8);
        }
        if (measured(r, "pulse", md)) {
            JsonNode pulse = r.get("pulse");
            row(
                    md,
                    "pulse answers, " + pulse.get("members").asInt() + " members of one team at once ("
                            + pulse.get("roundsPerTrial").asInt() + " rounds a trial, every respondent counted)",
                    range(pulse.get("answersPerSecond")) + " answers/s",
                    "",
                    null,
                    "≥ 200/s",
                    median(pulse.get("answersPerSecond")) >= 200);
        }
        if (measured(r, "classification", md)) {
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
                    null,
                    "p99 < 1 ms",
                    one.get("p99Micros").asDouble() < 1000);
            row(
                    md,
                    "classification, 2 threads",
                    "p50 " + two.get("p50Micros").asDouble() + " µs, p99 "
                            + two.get("p99Micros").asDouble() + " µs, "
                            + two.get("throughputPerSecond").asLong() + "/s",
                    "",
                    null,
                    "",
                    null);
            row(
                    md,
                    "ruleset build (KieBase from rules/)",
                    c.get("rulesetBuildMillisMedianOf5").asDouble() + " ms",
                    "",
                    null,
                    "< 2 s",
                    c.get("rulesetBuildMillisMedianOf5").asDouble() < 2000);
        }
        if (measured(r, "auditTimeline", md)) {
            JsonNode audit = r.get("auditTimeline");
            for (String kind : new String[] {"loopTimeline", "loopAuditRecord"}) {
                JsonNode k = audit.get(kind);
                row(
                        md,
                        ("loopTimeline".equals(kind) ? "`GET /api/loops/{id}`" : "`GET /api/loops/{id}/audit`")
                                + " with " + audit.get("loopsInHistory").asLong() + " loops in history",
                        "p50 " + k.get("p50Millis").asDouble() + " ms, p95 "
                                + k.get("p95Millis").asDouble() + " ms",
                        "",
                        null,
                        "p95 < 50 ms",
                        k.get("p95Millis").asDouble() < 50);
            }
        }
        if (measured(r, "auditChain", md)) {
            JsonNode chain = r.get("auditChain");
            for (String kind : new String[] {"governancePage", "verify"}) {
                JsonNode k = chain.get(kind);
                row(
                        md,
                        ("governancePage".equals(kind)
                                        ? "governance page `GET /governance`"
                                        : "`GET /api/audit/verify`")
                                + " with " + chain.get("entries").asLong() + " audit entries (incremental check)",
                        "p50 " + k.get("p50Millis").asDouble() + " ms, p95 "
                                + k.get("p95Millis").asDouble() + " ms",
                        "full re-verification: "
                                + chain.get("fullReVerificationSeconds").asDouble() + " s",
                        null,
                        "p95 < 200 ms",
                        k.get("p95Millis").asDouble() < 200);
            }
        }
        if (measured(r, "startup", md)) {
            String[][] starts = {
                {"jar", "`java -jar` (embedded default, H2)"},
                {"extracted", "Spring Boot's extracted layout"},
                {"extractedWithCds", "extracted layout + class data sharing (`deploy/cds-archive.sh`)"}
            };
            for (String[] variant : starts) {
                JsonNode figures = start.get(variant[0]);
                row(
                        md,
                        variant[1] + ": launch to ready",
                        range(figures.get("launchToReadySeconds")) + " s",
                        "",
                        null,
                        "≤ 10 s",
                        median(figures.get("launchToReadySeconds")) <= 10);
                row(
                        md,
                        variant[1] + ": resident memory then (default heap)",
                        range(figures.get("residentMemoryAfterStartMib")) + " MiB",
                        "",
                        null,
                        "≤ 600 MB",
                        median(figures.get("residentMemoryAfterStartMib")) * 1.048576 <= 600);
            }
            row(
                    md,
                    "resident memory after the ingestion run (PostgreSQL node, -Xmx1g)",
                    r.get("residentMemoryAfterIngestionMib").asLong() + " MiB",
                    "",
                    null,
                    "",
                    null);
        }
        md.append("\nWhere the node's CPU went (JFR samples, by the first frame of a component):\n\n");
        if (measured(r, "startup", null)) {
            profile(md, "start-up to ready (`java -jar`)", start.get("jar").get("profileOfStartUp"));
        }
        if (measured(r, "ingestion", null)) {
            profile(md, "single-POST ingestion", in.get("profileOfSinglePosts"));
        }
        if (measured(r, "ingestion", null)) {
            profile(md, "CSV import", in.get("profileOfCsvImport"));
        }
        if (measured(r, "loopStart", null)) {
            profile(md, "loop starts", loop.get("profileOfLoopStarts"));
        }
        return md.toString();
    }

    /** Whether a benchmark ran to the end; else (with {@code md}) a row saying it failed and why. */
    private static boolean measured(JsonNode r, String benchmark, StringBuilder md) {
        JsonNode figures = r.get(benchmark);
        if (figures != null && !figures.has("failed")) {
            return true;
        }
        if (md != null) {
            md.append("| ")
                    .append(benchmark)
                    .append(": not measured (")
                    .append(
                            figures == null
                                    ? "not run"
                                    : figures.get("failed").asText().replace('|', '/'))
                    .append(") | | | | | |\n");
        }
        return false;
    }

    private static double round(double value) {
        return BenchmarkRunner.round(value);
    }

    /** A row whose ratio is given per trial: met when its median reaches {@code atLeast}. */
    private static void row(
            StringBuilder md,
            String name,
            String podloop,
            String baseline,
            JsonNode ratios,
            String target,
            double atLeast) {
        row(md, name, podloop, baseline, range(ratios), target, median(ratios) >= atLeast);
    }

    private static void row(
            StringBuilder md, String name, String podloop, String baseline, String ratio, String target, Boolean met) {
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(podloop)
                .append(" | ")
                .append(baseline)
                .append(" | ")
                .append(ratio == null ? "" : ratio)
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(met == null ? "" : met ? "yes" : "**no**")
                .append(" |\n");
    }

    /** "0.31 (0.28–0.33)": the median of the trials and their range. */
    static String range(JsonNode trials) {
        List<Double> values = sorted(trials);
        return number(median(trials)) + " (" + number(values.get(0)) + "–" + number(values.get(values.size() - 1))
                + ")";
    }

    static double median(JsonNode trials) {
        List<Double> values = sorted(trials);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** Trial by trial, {@code numerator} over {@code denominator}. */
    private static JsonNode ratio(JsonNode numerator, JsonNode denominator) {
        ArrayNode ratios = JsonNodeFactory.instance.arrayNode();
        for (int t = 0; t < numerator.size(); t++) {
            ratios.add(round(numerator.get(t).asDouble() / denominator.get(t).asDouble()));
        }
        return ratios;
    }

    private static List<Double> sorted(JsonNode trials) {
        List<Double> values = new ArrayList<>();
        trials.forEach(value -> values.add(value.asDouble()));
        values.sort(null);
        return values;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) >= 10
                ? String.valueOf(Math.round(value))
                : String.valueOf(round(value));
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
