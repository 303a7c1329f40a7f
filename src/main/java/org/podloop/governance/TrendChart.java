package org.podloop.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.podloop.classification.ClassificationService;
import org.podloop.loop.LoopView;
import org.podloop.loop.ProcessIds;
import org.podloop.loop.TimelineType;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Intervention;
import org.podloop.rules.Metric;
import org.podloop.rules.MetricCatalogue;
import org.podloop.signal.SignalService;
import org.podloop.signal.SnapshotView;
import org.springframework.stereotype.Component;

/**
 * A loop's chart, or a team's: the team's metrics over its last snapshots, one panel per unit (points and
 * events per person never share an axis), with each intervention's time-box as a span and each
 * verification's outcome as a marker, read from the loops' timelines. A value suppressed for too few
 * respondents is a point without a value (a gap), counted per series so the page can say why.
 */
@Component
class TrendChart {

    static final int SNAPSHOTS = 52;

    /** {@code y} is null where the value was suppressed (fewer respondents than the privacy minimum). */
    record Point(Instant x, Double y) {}

    record Series(String metric, String title, List<Point> points, int suppressed) {}

    record Panel(String unit, List<Series> series) {}

    /**
     * {@code to} is when the re-measurement arrived; before that, when the run ended; while it runs, its
     * time-box's end.
     */
    record Span(int iteration, Instant from, Instant to, String label) {}

    record Outcome(int iteration, Instant at, String outcome, String label) {}

    record Chart(List<Panel> panels, List<Span> spans, List<Outcome> outcomes, int minRespondents) {}

    private final SignalService signals;
    private final ActiveRuleset rules;
    private final ClassificationService classification;

    TrendChart(SignalService signals, ActiveRuleset rules, ClassificationService classification) {
        this.signals = signals;
        this.rules = rules;
        this.classification = classification;
    }

    Chart of(LoopView loop) {
        return new Chart(panels(loop.team()), spans(loop), outcomes(loop), signals.privacyMinimum());
    }

    /** The team's chart with every given loop's interventions and outcomes (the team page's). */
    Chart ofTeam(String team, List<LoopView> loops) {
        return new Chart(
                panels(team),
                loops.stream().flatMap(loop -> spans(loop).stream()).toList(),
                loops.stream().flatMap(loop -> outcomes(loop).stream()).toList(),
                signals.privacyMinimum());
    }

    private List<Panel> panels(String team) {
        List<SnapshotView> snapshots =
                new ArrayList<>(signals.snapshots(team, 0, SNAPSHOTS).items());
        Collections.reverse(snapshots);
        MetricCatalogue catalogue = rules.metrics();
        Map<String, List<Point>> points = new LinkedHashMap<>();
        for (SnapshotView snapshot : snapshots) {
            snapshot.metrics()
                    .forEach((metric, value) -> points.computeIfAbsent(metric, m -> new ArrayList<>())
                            .add(new Point(snapshot.measuredAt(), value.isSuppressed() ? null : value.mean())));
        }
        // in the catalogue's order (its most central metrics first); metrics it no longer knows last, each
        // on an axis of its own: their scale is unknown
        List<String> ordered = new ArrayList<>();
        catalogue.all().stream().map(Metric::key).filter(points::containsKey).forEach(ordered::add);
        points.keySet().stream().filter(metric -> !ordered.contains(metric)).forEach(ordered::add);
        Map<String, List<Series>> byUnit = new LinkedHashMap<>();
        for (String metric : ordered) {
            Optional<Metric> known = catalogue.find(metric);
            String unit = known.map(Metric::unit).orElse(metric);
            String title = known.map(Metric::title).orElse(metric);
            List<Point> series = points.get(metric);
            int suppressed =
                    (int) series.stream().filter(point -> point.y() == null).count();
            byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(new Series(metric, title, series, suppressed));
        }
        return byUnit.entrySet().stream()
                .map(e -> new Panel(e.getKey(), e.getValue()))
                .toList();
    }

    /** Each iteration's intervention run: from the pod's choice to the re-measurement (or the planned end). */
    List<Span> spans(LoopView loop) {
        List<Span> spans = new ArrayList<>();
        for (LoopView.Iteration iteration : loop.iterations()) {
            if (iteration.interventionId() == null) {
                continue;
            }
            Optional<LoopView.Step> chosen = step(
                    loop,
                    iteration.number(),
                    TimelineType.TASK_COMPLETED,
                    detail -> detail.path("task").asText().equals(ProcessIds.TASK_CHOOSE_INTERVENTION));
            if (chosen.isEmpty()) {
                continue;
            }
            Instant from = chosen.get().at();
            var intervention = classification.intervention(iteration.interventionId());
            Instant planned = step(loop, iteration.number(), TimelineType.TIME_BOX_EXTENDED, detail -> true)
                    .map(step -> Instant.parse(step.detail().path("to").asText()))
                    .orElseGet(() ->
                            intervention.map(it -> from.plus(it.timeBox())).orElse(from));
            // the re-measurement's arrival; before it, when the run ended (it asked for one); before that, the plan
            Instant to = step(loop, iteration.number(), TimelineType.REMEASUREMENT_RECEIVED, detail -> true)
                    .or(() -> step(loop, iteration.number(), TimelineType.REMEASUREMENT_REQUESTED, detail -> true))
                    .map(LoopView.Step::at)
                    .orElse(planned);
            String timeBox = intervention
                    .map(it -> " (time-box " + Words.duration(it.timeBox()) + ")")
                    .orElse("");
            spans.add(new Span(
                    iteration.number(),
                    from,
                    to,
                    "Iteration " + iteration.number() + ": "
                            + intervention.map(Intervention::title).orElse(iteration.interventionId())
                            + timeBox));
        }
        return spans;
    }

    private List<Outcome> outcomes(LoopView loop) {
        return loop.timeline().stream()
                .filter(step -> step.type() == TimelineType.VERIFIED && step.iteration() != null)
                .map(step -> {
                    String outcome = step.detail().path("outcome").asText();
                    return new Outcome(
                            step.iteration(), step.at(), outcome, "Iteration " + step.iteration() + ": " + outcome);
                })
                .toList();
    }

    private static Optional<LoopView.Step> step(
            LoopView loop, int iteration, TimelineType type, Predicate<JsonNode> matches) {
        return loop.timeline().stream()
                .filter(step -> step.type() == type
                        && step.iteration() != null
                        && step.iteration() == iteration
                        && matches.test(step.detail()))
                .reduce((first, later) -> later);
    }
}
