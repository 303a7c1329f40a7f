package org.podloop.loop;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.podloop.classification.Evidence;
import org.podloop.classification.NoiseMargin;
import org.podloop.rules.Metric;
import org.podloop.rules.MetricCatalogue;
import org.podloop.signal.MetricValue;
import org.podloop.signal.SnapshotView;

/** How the task pages say values, patterns and periods: in the metrics' own names and units. */
final class PlainWords {

    private static final Pattern PATTERN_CONSTANT = Pattern.compile("\\b[A-Z]{4,}(?:_[A-Z]+)*\\b");

    private PlainWords() {}

    /** {@code SUPPRESSED_FEEDBACK} → "Suppressed feedback". */
    static String pattern(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A rule's reason in words: pattern constants as words, a capital first and a full stop. */
    static String reason(String text) {
        String words = PATTERN_CONSTANT
                .matcher(text)
                .replaceAll(match -> pattern(match.group()).toLowerCase(Locale.ROOT));
        if (words.isEmpty()) {
            return words;
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + (words.endsWith(".") ? "" : ".");
    }

    /**
     * "Psychological safety: 38 of 100 (before: 45, 50)", a derived value with where it comes from, or the
     * spread of the answers, for {@code sd}.
     */
    static String valueLine(MetricCatalogue catalogue, Evidence evidence, List<SnapshotView> earlier) {
        Optional<Metric> metric = catalogue.find(evidence.metric());
        String title = metric.map(Metric::title).orElse(evidence.metric());
        if ("sd".equals(evidence.measure())) {
            return title + ": the team's answers spread widely (standard deviation " + number(evidence.value())
                    + " on the 0–100 scale)";
        }
        List<String> before = earlier.stream()
                .map(snapshot -> snapshot.metrics().get(evidence.metric()))
                .filter(value -> value != null && !value.isSuppressed())
                .map(value -> amount(metric, value.mean()))
                .toList();
        return title + ": " + amount(metric, evidence.value())
                + (before.isEmpty() ? "" : " (before: " + String.join(", ", before) + ")")
                + (evidence.provenance() == null ? "" : " — " + evidence.provenance());
    }

    /** A stored value as read: "60 of 100 (5 answers)", or why there is none. */
    static String measured(MetricCatalogue catalogue, String metric, MetricValue value) {
        if (value == null) {
            return "not measured";
        }
        if (value.isSuppressed()) {
            return "withheld (too few answers)";
        }
        String amount = amount(catalogue.find(metric), value.mean());
        return value.respondents() == null ? amount : amount + " (" + value.respondents() + " answers)";
    }

    /** The margin within which a change means nothing, in the metric's unit; "" when it is not known. */
    static String noise(MetricCatalogue catalogue, String metric, MetricValue before, MetricValue after) {
        if (before == null || after == null || before.isSuppressed() || after.isSuppressed()) {
            return "–";
        }
        Double margin = NoiseMargin.of(before, after);
        return margin == null
                ? "not known (no spread of answers)"
                : "± " + number(margin) + " " + unitOf(catalogue.find(metric));
    }

    /** "14 days", "1 week and 2 days", "3 hours". */
    static String duration(Duration period) {
        long days = period.toDays();
        if (days == 0) {
            long hours = period.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return days + (days == 1 ? " day" : " days");
    }

    static String amount(Optional<Metric> metric, double value) {
        String unit = unitOf(metric);
        return switch (unit) {
            case "points" -> number(value) + " of " + number(metric.get().max());
            case "percent" -> number(value) + " %";
            default -> unit.isEmpty() ? number(value) : number(value) + " " + unit;
        };
    }

    private static String unitOf(Optional<Metric> metric) {
        return metric.map(Metric::unit).orElse("");
    }

    private static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
