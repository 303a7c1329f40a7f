package org.podloop.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.podloop.support.PodloopNode;

/**
 * A Java Flight Recorder profile of the node during one phase (jcmd JFR.start / JFR.dump), summed up as
 * where the CPU samples of the node's threads were spent: each sample goes to the first frame, from
 * the top of the stack, that belongs to a component we can act on. The recording stays in target/bench.
 */
final class Profile {

    private static final List<String> COMPONENTS = List.of(
            "org.postgresql",
            "org.hibernate",
            "com.zaxxer",
            "org.drools",
            "org.kie",
            "org.mvel2",
            "org.camunda",
            "org.apache.ibatis",
            "com.fasterxml",
            "org.springframework.security",
            "org.podloop",
            "org.springframework",
            "org.apache.catalina",
            "org.apache.coyote",
            "org.apache.tomcat");

    private final PodloopNode node;
    private final String name;

    private Profile(PodloopNode node, String name) {
        this.node = node;
        this.name = name;
    }

    static Profile start(PodloopNode node, String name) {
        jcmd(node, "JFR.start", "name=" + name, "settings=profile");
        return new Profile(node, name);
    }

    /** The JVM option that records from the node's first instant, for {@link #ofRunning}. */
    static String recordFromLaunch(String name) {
        return "-XX:StartFlightRecording=name=" + name + ",settings=profile";
    }

    /** A recording started with {@link #recordFromLaunch}. */
    static Profile ofRunning(PodloopNode node, String name) {
        return new Profile(node, name);
    }

    Map<String, Object> stop() {
        Path file = Path.of("target/bench", name + ".jfr").toAbsolutePath();
        jcmd(node, "JFR.dump", "name=" + name, "filename=" + file);
        jcmd(node, "JFR.stop", "name=" + name);
        String printed = run(List.of(
                tool("jfr"), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", file.toString()));
        Map<String, Integer> byComponent = new TreeMap<>();
        int samples = 0;
        for (String sample : printed.split("jdk.ExecutionSample \\{")) {
            int stack = sample.indexOf("stackTrace = [");
            if (stack < 0) {
                continue;
            }
            samples++;
            String component = "other (JDK, …)";
            for (String frame :
                    sample.substring(stack).lines().skip(1).map(String::strip).toList()) {
                String match = COMPONENTS.stream()
                        .filter(frame::startsWith)
                        .findFirst()
                        .orElse(null);
                if (match != null) {
                    component = match;
                    break;
                }
            }
            byComponent.merge(component, 1, Integer::sum);
        }
        int total = Math.max(samples, 1);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("recording", "target/bench/" + name + ".jfr");
        summary.put("cpuSamples", samples);
        summary.put(
                "shareByFirstComponentFrame",
                byComponent.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .collect(Collectors.toMap(
                                Map.Entry::getKey,
                                e -> Math.round(1000.0 * e.getValue() / total) / 10.0 + "%",
                                (a, b) -> a,
                                LinkedHashMap::new)));
        return summary;
    }

    private static void jcmd(PodloopNode node, String... command) {
        List<String> line = new ArrayList<>(List.of(tool("jcmd"), String.valueOf(node.pid())));
        line.addAll(List.of(command));
        run(line);
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
