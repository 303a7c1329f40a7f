package org.podloop.governance;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored running aggregates of {@link Effectiveness} (tables of V10). Additions are single
 * {@code set x = x + ?} updates, so concurrent verifications of different teams never lose one another's
 * counts; the all-teams rows are locked in pattern order, so they cannot deadlock either.
 */
// A @Repository: a lost race on a first insert arrives as Spring's DataAccessException (answered as a conflict).
@Repository
class EffectivenessAggregates {

    /** The scope of every team's figures; never a team key (those start with a letter). */
    static final String ALL_TEAMS = "*";

    record Cell(String pattern, String interventionId) {}

    record MetricCell(String pattern, String interventionId, String metric, String unit) {}

    private final JdbcClient jdbc;

    EffectivenessAggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean holds(UUID iterationId) {
        return jdbc.sql("select count(*) from effectiveness_iterations where iteration_id = ?")
                        .param(iterationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long heldIterations() {
        return jdbc.sql("select count(*) from effectiveness_iterations")
                .query(Long.class)
                .single();
    }

    /** The patterns earlier iterations of the loop were credited for with this intervention. */
    Set<String> creditedInLoop(UUID loopId, String interventionId) {
        Set<String> credited = new HashSet<>();
        jdbc
                .sql("select credited_patterns from effectiveness_iterations where loop_id = ? and intervention_id = ?")
                .params(loopId, interventionId)
                .query(String.class)
                .list()
                .stream()
                .filter(patterns -> !patterns.isEmpty())
                .forEach(patterns -> credited.addAll(List.of(patterns.split(","))));
        return credited;
    }

    void hold(UUID iterationId, UUID loopId, String interventionId, List<String> creditedPatterns) {
        jdbc.sql("insert into effectiveness_iterations (iteration_id, loop_id, intervention_id, credited_patterns)"
                        + " values (?, ?, ?, ?)")
                .params(iterationId, loopId, interventionId, String.join(",", creditedPatterns))
                .update();
    }

    boolean hasTally(Cell cell, String scope) {
        return jdbc.sql("select count(*) from effectiveness_tallies"
                                + " where pattern = ? and intervention_id = ? and scope = ?")
                        .params(cell.pattern(), cell.interventionId(), scope)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void add(Cell cell, String scope, Tally delta) {
        int updated = jdbc.sql("update effectiveness_tallies set teams = teams + ?, loops = loops + ?,"
                        + " reduced = reduced + ?, not_reduced = not_reduced + ?, worsened = worsened + ?,"
                        + " inconclusive = inconclusive + ?, standardized_iterations = standardized_iterations + ?,"
                        + " standardized_sum = standardized_sum + ?"
                        + " where pattern = ? and intervention_id = ? and scope = ?")
                .params(figures(delta))
                .params(cell.pattern(), cell.interventionId(), scope)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into effectiveness_tallies (teams, loops, reduced, not_reduced, worsened, inconclusive,"
                            + " standardized_iterations, standardized_sum, pattern, intervention_id, scope)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(figures(delta))
                    .params(cell.pattern(), cell.interventionId(), scope)
                    .update();
        }
    }

    void add(MetricCell cell, String scope, Tally.OfMetric delta) {
        List<Object> figures = List.of(
                delta.iterations(), delta.improvementSum(), delta.standardizedIterations(), delta.standardizedSum());
        int updated = jdbc.sql("update effectiveness_metric_tallies set iterations = iterations + ?,"
                        + " improvement_sum = improvement_sum + ?,"
                        + " standardized_iterations = standardized_iterations + ?,"
                        + " standardized_sum = standardized_sum + ?"
                        + " where pattern = ? and intervention_id = ? and scope = ? and metric = ? and unit = ?")
                .params(figures)
                .params(cell.pattern(), cell.interventionId(), scope, cell.metric(), cell.unit())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into effectiveness_metric_tallies (iterations, improvement_sum, standardized_iterations,"
                            + " standardized_sum, pattern, intervention_id, scope, metric, unit)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(figures)
                    .params(cell.pattern(), cell.interventionId(), scope, cell.metric(), cell.unit())
                    .update();
        }
    }

    Map<Cell, Tally> tallies(String scope) {
        Map<Cell, Tally> tallies = new LinkedHashMap<>();
        jdbc.sql("select * from effectiveness_tallies where scope = ? order by pattern, intervention_id")
                .param(scope)
                .query(row -> {
                    tallies.put(
                            new Cell(row.getString("pattern"), row.getString("intervention_id")),
                            new Tally(
                                    row.getInt("teams"),
                                    row.getInt("loops"),
                                    row.getInt("reduced"),
                                    row.getInt("not_reduced"),
                                    row.getInt("worsened"),
                                    row.getInt("inconclusive"),
                                    row.getInt("standardized_iterations"),
                                    row.getDouble("standardized_sum")));
                });
        return tallies;
    }

    Map<MetricCell, Tally.OfMetric> metricTallies(String scope) {
        Map<MetricCell, Tally.OfMetric> tallies = new LinkedHashMap<>();
        jdbc.sql("select * from effectiveness_metric_tallies where scope = ?"
                        + " order by pattern, intervention_id, metric, unit")
                .param(scope)
                .query(row -> {
                    tallies.put(
                            new MetricCell(
                                    row.getString("pattern"),
                                    row.getString("intervention_id"),
                                    row.getString("metric"),
                                    row.getString("unit")),
                            new Tally.OfMetric(
                                    row.getInt("iterations"),
                                    row.getDouble("improvement_sum"),
                                    row.getInt("standardized_iterations"),
                                    row.getDouble("standardized_sum")));
                });
        return tallies;
    }

    /** Forgets every aggregate, before a rebuild from history. */
    void clear() {
        jdbc.sql("delete from effectiveness_metric_tallies").update();
        jdbc.sql("delete from effectiveness_tallies").update();
        jdbc.sql("delete from effectiveness_iterations").update();
    }

    private static List<Object> figures(Tally delta) {
        return List.of(
                delta.teams(),
                delta.loops(),
                delta.reduced(),
                delta.notReduced(),
                delta.worsened(),
                delta.inconclusive(),
                delta.standardizedIterations(),
                delta.standardizedSum());
    }
}
