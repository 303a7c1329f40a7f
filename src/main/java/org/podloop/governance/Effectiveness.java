package org.podloop.governance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.podloop.classification.ClassificationService;
import org.podloop.classification.InterventionEffect;
import org.podloop.classification.MetricEffect;
import org.podloop.governance.EffectivenessAggregates.Cell;
import org.podloop.governance.EffectivenessAggregates.MetricCell;
import org.podloop.loop.IterationVerified;
import org.podloop.loop.LoopService;
import org.podloop.loop.TrackRecord;
import org.podloop.loop.VerifiedIteration;
import org.podloop.rules.Intervention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Decisions adjust": per pattern and intervention, what verified iterations say about that pattern
 * ({@link Credit}), kept as running aggregates that each verification adds to in its own transaction. The
 * report and the recommendation rules (through the loop's {@link TrackRecord}) read the same aggregates.
 */
@Component
class Effectiveness implements TrackRecord {

    private static final Logger log = LoggerFactory.getLogger(Effectiveness.class);

    private final EffectivenessAggregates aggregates;
    private final LoopService loops;
    private final ClassificationService classification;
    private final TransactionTemplate transaction;

    Effectiveness(
            EffectivenessAggregates aggregates,
            LoopService loops,
            ClassificationService classification,
            TransactionTemplate transaction) {
        this.aggregates = aggregates;
        this.transaction = transaction;
        this.loops = loops;
        this.classification = classification;
    }

    /** In the verification's transaction (mandatory): the figures and the verification commit together or not at all. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void iterationVerified(IterationVerified event) {
        add(event.iteration());
    }

    /** Adds one verified iteration to the aggregates, once: an iteration they already hold is skipped. */
    private void add(VerifiedIteration iteration) {
        if (aggregates.holds(iteration.iterationId())) {
            return;
        }
        // The catalogue's targets now: an intervention no longer in the catalogue is credited for nothing.
        List<String> targeted = classification
                .intervention(iteration.interventionId())
                .map(Intervention::patterns)
                .orElse(List.of());
        List<Credit> credits = Credit.of(iteration, targeted);
        Set<String> creditedInLoop = aggregates.creditedInLoop(iteration.loopId(), iteration.interventionId());
        aggregates.hold(
                iteration.iterationId(),
                iteration.loopId(),
                iteration.interventionId(),
                credits.stream().map(Credit::pattern).toList());
        List<MetricEffect> compared = iteration.effects() == null
                ? List.of()
                : iteration.effects().stream()
                        .filter(MetricEffect::compared)
                        .sorted(Comparator.comparing(MetricEffect::metric).thenComparing(MetricEffect::unit))
                        .toList();
        Double standardized = Credit.standardized(compared);
        for (Credit credit : credits) {
            Cell cell = new Cell(credit.pattern(), iteration.interventionId());
            Tally delta = Tally.of(
                    credit.outcome(),
                    !aggregates.hasTally(cell, iteration.teamKey()),
                    !creditedInLoop.contains(credit.pattern()),
                    standardized);
            aggregates.add(cell, EffectivenessAggregates.ALL_TEAMS, delta);
            aggregates.add(cell, iteration.teamKey(), delta);
            for (MetricEffect effect : compared) {
                MetricCell metricCell =
                        new MetricCell(credit.pattern(), iteration.interventionId(), effect.metric(), effect.unit());
                Tally.OfMetric metricDelta = Tally.OfMetric.of(effect.improvement(), effect.standardized());
                aggregates.add(metricCell, EffectivenessAggregates.ALL_TEAMS, metricDelta);
                aggregates.add(metricCell, iteration.teamKey(), metricDelta);
            }
        }
    }

    /**
     * Existing databases and nodes that missed a verification catch up from history at start-up: every
     * verified iteration the aggregates do not hold yet is added.
     */
    @EventListener(ApplicationReadyEvent.class)
    void catchUpAtStartUp() {
        long verified = loops.countVerifiedIterations();
        long held = aggregates.heldIterations();
        if (held >= verified) {
            return;
        }
        log.info("effectiveness figures hold {} of {} verified iterations; adding the others", held, verified);
        try {
            transaction.executeWithoutResult(status -> catchUp());
        } catch (DataAccessException | TransactionException e) {
            // One transaction, so nothing of it stays; the node serves on and the next start-up tries again.
            log.warn(
                    "could not catch the effectiveness figures up (another node starting at the same time usually"
                            + " has): {}",
                    e.getMessage());
        }
    }

    /** Forgets the aggregates and adds every verified iteration again, e.g. after the catalogue's targets changed. */
    @Transactional
    void rebuild() {
        aggregates.clear();
        catchUp();
    }

    private void catchUp() {
        loops.verifiedIterations().forEach(this::add);
    }

    /** The figures over every team but {@code excludedTeam} (none excluded when null): all teams' minus its share. */
    @Transactional(readOnly = true)
    EffectivenessReport report(String excludedTeam) {
        Map<Cell, Tally> share = excludedTeam == null ? Map.of() : aggregates.tallies(excludedTeam);
        Map<MetricCell, Tally.OfMetric> metricShare =
                excludedTeam == null ? Map.of() : aggregates.metricTallies(excludedTeam);
        Map<MetricCell, Tally.OfMetric> metrics = aggregates.metricTallies(EffectivenessAggregates.ALL_TEAMS);
        List<EffectivenessReport.Row> rows = new ArrayList<>();
        aggregates.tallies(EffectivenessAggregates.ALL_TEAMS).forEach((cell, all) -> {
            Tally t = all.minus(share.getOrDefault(cell, Tally.NONE));
            if (t.iterations() == 0) {
                return;
            }
            List<EffectivenessReport.MetricFigure> effects = new ArrayList<>();
            metrics.forEach((metricCell, allOfMetric) -> {
                if (!metricCell.pattern().equals(cell.pattern())
                        || !metricCell.interventionId().equals(cell.interventionId())) {
                    return;
                }
                Tally.OfMetric m = allOfMetric.minus(metricShare.getOrDefault(metricCell, Tally.OfMetric.NONE));
                if (m.iterations() > 0) {
                    effects.add(new EffectivenessReport.MetricFigure(
                            metricCell.metric(),
                            metricCell.unit(),
                            m.iterations(),
                            round(m.improvementSum() / m.iterations()),
                            mean(m.standardizedSum(), m.standardizedIterations()),
                            m.standardizedIterations()));
                }
            });
            rows.add(new EffectivenessReport.Row(
                    cell.pattern(),
                    cell.interventionId(),
                    t.teams(),
                    t.loops(),
                    t.iterations(),
                    t.reduced(),
                    t.notReduced(),
                    t.worsened(),
                    t.inconclusive(),
                    List.copyOf(effects),
                    mean(t.standardizedSum(), t.standardizedIterations()),
                    t.standardizedIterations()));
        });
        return new EffectivenessReport(List.copyOf(rows));
    }

    /** From the same figures as the report, so that what the pod is recommended and what governance reads agree. */
    @Override
    public List<InterventionEffect> elsewhere(String team) {
        return report(team).rows().stream()
                .map(row -> new InterventionEffect(
                        row.interventionId(),
                        row.pattern(),
                        row.reduced() + row.notReduced() + row.worsened(),
                        row.reduced()))
                .toList();
    }

    private static Double mean(double sum, int count) {
        return count == 0 ? null : round(sum / count);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
