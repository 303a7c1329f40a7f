package org.podloop.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.podloop.classification.ClassificationService;
import org.podloop.classification.MetricEffect;
import org.podloop.common.ForbiddenException;
import org.podloop.common.NotFoundException;
import org.podloop.loop.LoopView;
import org.podloop.loop.TimelineType;
import org.podloop.pulse.PulseRoundView;
import org.podloop.pulse.PulseService;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Intervention;
import org.podloop.rules.Metric;
import org.podloop.signal.MetricValue;
import org.podloop.signal.SignalService;
import org.podloop.signal.SnapshotView;
import org.springframework.stereotype.Component;

/**
 * A team's loops as its pod reads them: where the current loop stands and what comes next, and each past
 * iteration as one sentence (what ran, how the targeted metrics moved, the outcome, what governance
 * decided). Only the team's own figures; nothing is compared with another team.
 */
@Component
class TeamStory {

    /** A sentence that may name a time: {@code before}, the time (when {@code at} is set), {@code after}. */
    record Line(String before, Instant at, String atText, String after) {

        static Line of(String text) {
            return new Line(text, null, null, "");
        }

        static Line of(String before, Instant at, String after) {
            return new Line(before, at, Words.when(at) + " UTC", after);
        }

        /** The whole sentence in UTC, as tests and screen readers without scripts read it. */
        String text() {
            return before + (at == null ? "" : atText) + after;
        }
    }

    /** The open loop: the step it is at, what comes next, and (while re-measuring) the pulse round's status. */
    record Current(UUID loopId, Instant openedAt, String opened, int iteration, Line step, Line next) {}

    private final ClassificationService classification;
    private final SignalService signals;
    private final ActiveRuleset rules;
    private final PulseService pulses;
    private final TrendChart chart;

    TeamStory(
            ClassificationService classification,
            SignalService signals,
            ActiveRuleset rules,
            PulseService pulses,
            TrendChart chart) {
        this.classification = classification;
        this.signals = signals;
        this.rules = rules;
        this.pulses = pulses;
        this.chart = chart;
    }

    Current current(LoopView loop) {
        LoopView.Iteration it = loop.iterations().isEmpty()
                ? null
                : loop.iterations().get(loop.iterations().size() - 1);
        Line step;
        Line next;
        if (it == null) {
            step = Line.of("The loop is starting its first iteration.");
            next = Line.of("Next: the pod chooses an intervention.");
        } else if (it.endedAt() != null) {
            step = Line.of("Iteration " + it.number() + " ended; the next one is starting.");
            next = Line.of("Next: the pod chooses an intervention for iteration " + (it.number() + 1) + ".");
        } else if (it.interventionId() == null) {
            step = Line.of("The pod chooses an intervention" + recommended(loop, it.number()) + ".");
            next = Line.of("Next: the pod runs it for its time-box; then a pulse round re-measures the team.");
        } else if (it.remeasureSnapshotId() == null) {
            step = running(loop, it);
            next = Line.of("Next: Podloop compares the re-measurement with the baseline, and governance decides.");
        } else if (it.verification() == null) {
            step = Line.of("The re-measurement arrived; Podloop is comparing it with the baseline.");
            next = Line.of("Next: governance decides whether to close the loop, repeat it or escalate.");
        } else {
            step = Line.of("Governance decides: the re-measurement showed "
                    + outcome(it.verification().outcome().name()) + ".");
            next = Line.of("Next: governance closes the loop, starts another iteration or escalates.");
        }
        return new Current(
                loop.id(), loop.openedAt(), Words.when(loop.openedAt()), it == null ? 0 : it.number(), step, next);
    }

    /** While the intervention runs, and once its end asked the team to measure itself again. */
    private Line running(LoopView loop, LoopView.Iteration it) {
        String title = title(it.interventionId());
        Optional<LoopView.Step> requested = last(loop, it.number(), TimelineType.REMEASUREMENT_REQUESTED);
        if (requested.isEmpty()) {
            Instant until = chart.spans(loop).stream()
                    .filter(span -> span.iteration() == it.number())
                    .map(TrendChart.Span::to)
                    .reduce((first, later) -> later)
                    .orElse(null);
            return until == null
                    ? Line.of("The pod runs the intervention “" + title + "”.")
                    : Line.of("The pod runs the intervention “" + title + "” until ", until, ".");
        }
        JsonNode detail = requested.get().detail();
        if (!detail.hasNonNull("pulseRoundId")) {
            return Line.of("“" + title + "” ended. Waiting for the re-measurement: a posted snapshot of the team.");
        }
        PulseRoundView round = round(UUID.fromString(detail.path("pulseRoundId").asText()));
        if (round == null || !"OPEN".equals(round.state())) {
            return Line.of("“" + title + "” ended. Waiting for the re-measurement: the pulse round has closed.");
        }
        return Line.of(
                "“" + title + "” ended. Waiting for the re-measurement: pulse round open, " + round.answered() + " of "
                        + round.invited() + " answered, closes ",
                round.closesAt(),
                ".");
    }

    private PulseRoundView round(UUID id) {
        try {
            return pulses.round(id);
        } catch (NotFoundException | ForbiddenException e) {
            return null;
        }
    }

    /** The iterations that came to an outcome or an end, as sentences, first first. */
    List<String> past(LoopView loop) {
        List<String> sentences = new ArrayList<>();
        for (LoopView.Iteration it : loop.iterations()) {
            if (it.endedAt() == null && it.verification() == null) {
                continue;
            }
            sentences.add(sentence(loop, it));
        }
        return sentences;
    }

    String sentence(LoopView loop, LoopView.Iteration it) {
        StringBuilder text = new StringBuilder("Iteration " + it.number() + ": ");
        if (it.interventionId() == null) {
            text.append("no intervention was chosen");
        } else {
            text.append("the pod ran “").append(title(it.interventionId())).append("”");
            text.append(ranFor(loop, it));
        }
        List<String> changes = changes(it);
        if (!changes.isEmpty()) {
            text.append("; ").append(Words.list(changes));
        }
        if (it.verification() != null) {
            text.append(" — ").append(outcome(it.verification().outcome().name()));
        }
        if (it.decision() != null) {
            text.append("; ")
                    .append(
                            switch (it.decision()) {
                                case CLOSE -> "governance closed the loop";
                                case REPEAT -> "governance chose another iteration";
                                case ESCALATE -> "governance escalated the loop";
                            });
        }
        return text.append('.').toString();
    }

    /** "for 14 days" as it ran, or its time-box when it ran less than a day (or its run is not known). */
    private String ranFor(LoopView loop, LoopView.Iteration it) {
        Optional<Duration> ran = chart.spans(loop).stream()
                .filter(span -> span.iteration() == it.number())
                .map(span -> Duration.between(span.from(), span.to()))
                .reduce((first, later) -> later);
        if (ran.isPresent() && ran.get().toDays() >= 1) {
            return " for " + Words.plural(ran.get().toDays(), "day");
        }
        return classification
                .intervention(it.interventionId())
                .map(i -> " (time-box " + Words.duration(i.timeBox()) + ")")
                .orElse("");
    }

    /** How each targeted metric moved from the baseline to the re-measurement, in its own unit. */
    private List<String> changes(LoopView.Iteration it) {
        if (it.baselineSnapshotId() == null || it.remeasureSnapshotId() == null) {
            return List.of();
        }
        List<String> targeted = it.verification() != null
                        && it.verification().effects() != null
                        && !it.verification().effects().isEmpty()
                ? it.verification().effects().stream().map(MetricEffect::metric).toList()
                : classification
                        .intervention(it.interventionId() == null ? "" : it.interventionId())
                        .map(Intervention::metrics)
                        .orElse(List.of());
        SnapshotView before = signals.snapshot(it.baselineSnapshotId());
        SnapshotView after = signals.snapshot(it.remeasureSnapshotId());
        List<String> changes = new ArrayList<>();
        for (String key : targeted) {
            MetricValue from = before.metrics().get(key);
            MetricValue to = after.metrics().get(key);
            if (from == null || to == null) {
                continue;
            }
            Optional<Metric> metric = rules.metrics().find(key);
            String title = metric.map(Metric::title).orElse(key);
            if (from.isSuppressed() || to.isSuppressed()) {
                changes.add(title + " not shown (fewer than " + signals.privacyMinimum() + " respondents)");
                continue;
            }
            String unit = metric.map(m -> " " + m.unit()).orElse("");
            changes.add(title + " went from " + Words.number(from.mean()) + " to " + Words.number(to.mean()) + unit);
        }
        return changes;
    }

    private String recommended(LoopView loop, int iteration) {
        return last(loop, iteration, TimelineType.ITERATION_STARTED)
                .map(step -> {
                    List<String> titles = new ArrayList<>();
                    step.detail().path("recommended").forEach(id -> titles.add("“" + title(id.asText()) + "”"));
                    return titles.isEmpty() ? "" : " (recommended: " + Words.list(titles) + ")";
                })
                .orElse("");
    }

    private String title(String interventionId) {
        return classification
                .intervention(interventionId)
                .map(Intervention::title)
                .orElse(interventionId);
    }

    static String outcome(String outcome) {
        return switch (outcome) {
            case "REDUCED" -> "friction reduced";
            case "NOT_REDUCED" -> "friction not reduced";
            case "WORSENED" -> "things got worse";
            case "INCONCLUSIVE" -> "inconclusive: the data could not tell";
            default -> Words.humanized(outcome);
        };
    }

    private static Optional<LoopView.Step> last(LoopView loop, int iteration, TimelineType type) {
        return loop.timeline().stream()
                .filter(step -> step.type() == type && step.iteration() != null && step.iteration() == iteration)
                .reduce((first, later) -> later);
    }
}
