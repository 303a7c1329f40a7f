package org.podloop.classification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.podloop.common.InvalidInputException;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Ruleset;
import org.podloop.signal.SignalService;
import org.podloop.signal.SnapshotView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the folder's current rules (built and checked, not activated) over stored snapshots and
 * compares their findings with what was decided then. Changes nothing.
 */
@Service
class Backtester {

    private static final int PAGE = 500;

    private final ActiveRuleset rulesets;
    private final ClassificationService classification;
    private final SignalService signals;

    Backtester(ActiveRuleset rulesets, ClassificationService classification, SignalService signals) {
        this.rulesets = rulesets;
        this.classification = classification;
        this.signals = signals;
    }

    /**
     * Reports, per team, the findings that would appear, disappear or change severity on the
     * snapshots measured in [from, to) that were classified then.
     */
    @Transactional(readOnly = true)
    Backtest run(Instant from, Instant to) {
        if (from == null) {
            throw new InvalidInputException("from", "is required (ISO-8601)");
        }
        if (to == null) {
            throw new InvalidInputException("to", "is required (ISO-8601)");
        }
        if (!from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from");
        }
        try (Ruleset candidate = rulesets.candidate()) {
            Judgement judgement = new Judgement(candidate);
            Map<String, List<Backtest.Change>> byTeam = new TreeMap<>();
            int compared = 0;
            for (int page = 0; ; page++) {
                List<SnapshotView> snapshots = signals.snapshotsBetween(from, to, page, PAGE);
                for (SnapshotView snapshot : snapshots) {
                    Optional<Classification> decided = classification.classificationOf(snapshot.id());
                    if (decided.isEmpty()) {
                        continue;
                    }
                    compared++;
                    List<Backtest.Change> changes =
                            compare(snapshot, decided.get(), classification.classify(snapshot, judgement));
                    if (!changes.isEmpty()) {
                        byTeam.computeIfAbsent(snapshot.teamKey(), team -> new ArrayList<>())
                                .addAll(changes);
                    }
                }
                if (snapshots.size() < PAGE) {
                    break;
                }
            }
            return new Backtest(
                    candidate.version(),
                    rulesets.version(),
                    from,
                    to,
                    compared,
                    byTeam.entrySet().stream()
                            .map(e -> new Backtest.TeamChanges(e.getKey(), e.getValue()))
                            .toList());
        }
    }

    private static List<Backtest.Change> compare(SnapshotView snapshot, Classification decided, List<FindingView> now) {
        Map<String, String> before = new TreeMap<>();
        decided.findings().forEach(f -> before.put(f.pattern(), f.severity()));
        Map<String, String> after = new TreeMap<>();
        now.forEach(f -> after.put(f.pattern(), f.severity()));
        Set<String> patterns = new TreeSet<>(before.keySet());
        patterns.addAll(after.keySet());
        List<Backtest.Change> changes = new ArrayList<>();
        for (String pattern : patterns) {
            String was = before.get(pattern);
            String would = after.get(pattern);
            Backtest.Kind kind = was == null
                    ? Backtest.Kind.APPEARED
                    : would == null
                            ? Backtest.Kind.DISAPPEARED
                            : was.equals(would) ? null : Backtest.Kind.SEVERITY_CHANGED;
            if (kind != null) {
                changes.add(new Backtest.Change(
                        snapshot.id(),
                        snapshot.externalId(),
                        snapshot.measuredAt(),
                        pattern,
                        kind,
                        was,
                        would,
                        decided.rulesetVersion()));
            }
        }
        return changes;
    }
}
