package org.podloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.podloop.support.PodloopClient;
import org.podloop.support.PodloopNode;

/**
 * The soak's HTTP calls: each to a node picked at random, timed by kind (and per window of the series),
 * its status counted. A connection that fails counts as status -1.
 */
final class Calls {

    static final String ADMIN = PodloopNode.ADMIN + ":" + PodloopNode.ADMIN_PASSWORD;
    static final String MONITOR = "soak-monitor";

    private final List<PodloopClient> nodes;
    private final Map<String, ConcurrentLinkedQueue<Double>> millisByKind = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private volatile ConcurrentLinkedQueue<Double> window = new ConcurrentLinkedQueue<>();

    Calls(List<PodloopClient> nodes) {
        this.nodes = nodes;
    }

    /**
     * One call of {@code kind} to a node picked at random; a 503 (the node had no database connection in
     * time) is sent again after its {@code Retry-After} of 5 s, up to three times, as the answer asks.
     * Task completions are not: their driver looks first whether the task is still open.
     */
    PodloopClient.Response call(String kind, Function<PodloopClient, PodloopClient.Response> call) {
        PodloopClient.Response response = once(kind, call);
        for (int retry = 0; retry < 3 && response.status() == 503 && !kind.equals("complete"); retry++) {
            SoakRunner.pause(Duration.ofSeconds(5));
            response = once(kind, call);
        }
        return response;
    }

    private PodloopClient.Response once(String kind, Function<PodloopClient, PodloopClient.Response> call) {
        PodloopClient node = nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
        long start = System.nanoTime();
        int status = -1;
        try {
            PodloopClient.Response response = call.apply(node);
            status = response.status();
            return response;
        } finally {
            double millis = (System.nanoTime() - start) / 1e6;
            millisByKind
                    .computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>())
                    .add(millis);
            window.add(millis);
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** A GET as {@code user} that must answer 200; its body. */
    JsonNode get(String user, String path) {
        PodloopClient.Response response = call("check", node -> node.get(user, path));
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    /** {@code {"count": n}} of an engine REST count, as the administrator. */
    long count(String path) {
        return get(ADMIN, path).path("count").asLong(-1);
    }

    /** The heap in use on node {@code n} (Micrometer's gauges as Prometheus scrapes them), or -1. */
    long heapUsedMib(int n) {
        HttpResponse<String> text;
        try {
            text = nodes.get(n).getText(MONITOR + ":" + SoakLoop.PASSWORD, "/actuator/prometheus");
        } catch (RuntimeException noAnswer) {
            return -1; // a sample the series shows as missing; the soak goes on
        }
        if (text.statusCode() != 200) {
            return -1;
        }
        double bytes = text.body()
                .lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        return Math.round(bytes / (1024 * 1024));
    }

    /** The requests since the last window and their p99; starts the next window. */
    synchronized Map<String, Object> window() {
        ConcurrentLinkedQueue<Double> last = window;
        window = new ConcurrentLinkedQueue<>();
        double[] millis = sorted(last);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", millis.length);
        figures.put("p99Millis", millis.length == 0 ? 0 : percentile(millis, 0.99));
        return figures;
    }

    /** All requests by kind: count, p50, p99, longest; and the throughput over {@code took}. */
    Map<String, Object> summary(Duration took) {
        Map<String, Object> summary = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        Map<String, Object> byKind = new LinkedHashMap<>();
        millisByKind.keySet().stream().sorted().forEach(kind -> {
            double[] millis = sorted(millisByKind.get(kind));
            millisByKind.get(kind).forEach(all::add);
            byKind.put(kind, figures(millis));
        });
        double[] every = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        summary.put("all", figures(every));
        summary.put("perSecond", BenchmarkRunner.round(every.length / (took.toMillis() / 1000.0)));
        summary.put("byKind", byKind);
        return summary;
    }

    Map<String, Integer> statuses() {
        Map<String, Integer> counted = new LinkedHashMap<>();
        statuses.keySet().stream()
                .sorted()
                .forEach(status ->
                        counted.put(String.valueOf(status), statuses.get(status).get()));
        return counted;
    }

    /** Answers 500 and above except 503 (a refusal to send again), and calls whose connection failed. */
    int serverErrors() {
        return statuses.entrySet().stream()
                .filter(e -> (e.getKey() >= 500 && e.getKey() != 503) || e.getKey() < 0)
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    private static Map<String, Object> figures(double[] sortedMillis) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", sortedMillis.length);
        if (sortedMillis.length > 0) {
            figures.put("p50Millis", percentile(sortedMillis, 0.5));
            figures.put("p99Millis", percentile(sortedMillis, 0.99));
            figures.put("longestMillis", BenchmarkRunner.round(sortedMillis[sortedMillis.length - 1]));
        }
        return figures;
    }

    private static double[] sorted(ConcurrentLinkedQueue<Double> millis) {
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return values;
    }

    private static double percentile(double[] sorted, double quantile) {
        return BenchmarkRunner.round(sorted[Math.max(0, (int) Math.ceil(sorted.length * quantile) - 1)]);
    }
}
