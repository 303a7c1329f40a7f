package org.podloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.podloop.audit.AuditChainSeed;
import org.podloop.support.PodloopClient;
import org.podloop.support.PodloopNode;

/**
 * The governance page and {@code GET /api/audit/verify} over a long audit chain: a valid chain of {@code
 * entries} seeded by JDBC, one full re-verification of it on demand (timed), a few real appends, then the
 * incremental check and the page as governance opens them.
 */
final class AuditChainBenchmark {

    private static final int REQUESTS = 100;

    private AuditChainBenchmark() {}

    /**
     * {@code credentials} as {@link PodloopClient} takes them; {@code user}/{@code password} for the page's login;
     * {@code team} an existing team whose healthy snapshots make the appends.
     */
    static Map<String, Object> measure(
            int port,
            PodloopClient api,
            Connection sql,
            String credentials,
            String user,
            String password,
            String team,
            int entries) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("seedSeconds", BenchmarkRunner.round(BenchmarkRunner.timed(() -> seed(sql, entries))));

        long started = System.nanoTime();
        JsonNode run =
                api.post(credentials, "/api/audit/verifications", Map.of()).body();
        String location = "/api/audit/verifications/" + run.get("id").asText();
        while (run.get("state").asText().equals("RUNNING")) {
            PodloopNode.sleep(Duration.ofMillis(200));
            run = api.get(credentials, location).body();
        }
        BenchmarkRunner.expect(run.get("intact").asBoolean(), run);
        result.put("fullReVerificationSeconds", BenchmarkRunner.round((System.nanoTime() - started) / 1e9));
        result.put("fullReVerificationEntries", run.get("done").asLong());

        for (int i = 0; i < 5; i++) {
            BenchmarkRunner.expect(
                    api.post(
                                            credentials,
                                            "/api/teams/" + team + "/snapshots",
                                            Map.of(
                                                    "externalId",
                                                    "chain-bench-" + i + "-" + System.nanoTime(),
                                                    "measuredAt",
                                                    Instant.now().toString(),
                                                    "respondents",
                                                    8,
                                                    "signals",
                                                    Map.of("psychological_safety", 80.0)))
                                    .status()
                            == 200,
                    "snapshot");
        }
        started = System.nanoTime();
        JsonNode check = api.get(credentials, "/api/audit/verify").body();
        result.put("firstIncrementalCheckMillis", BenchmarkRunner.round((System.nanoTime() - started) / 1e6));
        BenchmarkRunner.expect(check.get("intact").asBoolean(), check);
        result.put("entries", check.get("entries").asLong());
        result.put("reHashedByTheFirstCheck", check.at("/verifiedNow/entries").asLong());

        List<String> times = Collections.nCopies(REQUESTS, "");
        result.put(
                "verify",
                BenchmarkRunner.latencies(
                        times,
                        each -> BenchmarkRunner.expect(
                                api.get(credentials, "/api/audit/verify").status() == 200, "verify")));
        GovernanceSession page = GovernanceSession.logIn(port, user, password);
        result.put(
                "governancePage",
                BenchmarkRunner.latencies(
                        times,
                        each -> BenchmarkRunner.expect(
                                page.get("/governance").body().contains("Intact"), "page")));
        return result;
    }

    private static void seed(Connection sql, int entries) {
        try {
            AuditChainSeed.append(sql, entries);
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the audit chain", e);
        }
    }
}
