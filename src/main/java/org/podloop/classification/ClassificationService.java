package org.podloop.classification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.podloop.common.InvalidInputException;
import org.podloop.signal.MetricCatalogue;
import org.podloop.signal.SignalService;
import org.podloop.signal.SnapshotView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The classification module's public face: classify, recommend, verify, and the intervention catalogue. */
@Service
public class ClassificationService {

    /** How many earlier snapshots the trend rules see. */
    private static final int TREND_SNAPSHOTS = 3;
    private static final int BACKTEST_PAGE = 500;

    private final ActiveRuleset rulesets;
    private final Classifications classifications;
    private final MetricCatalogue metrics;
    private final SignalService signals;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final io.micrometer.core.instrument.Timer classificationTime;

    ClassificationService(ActiveRuleset rulesets, Classifications classifications, MetricCatalogue metrics,
                          SignalService signals, ApplicationEventPublisher events, ObjectMapper json, Clock clock,
                          io.micrometer.core.instrument.MeterRegistry meters) {
        this.classificationTime = io.micrometer.core.instrument.Timer.builder("podloop.classification")
                .description("time to classify one snapshot").register(meters);
        this.rulesets = rulesets;
        this.classifications = classifications;
        this.metrics = metrics;
        this.signals = signals;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Classifies a snapshot with the active ruleset and stores the verdict with that ruleset's version. */
    @Transactional
    public Classification classify(SnapshotView snapshot) {
        return classificationTime.record(() -> rulesets.withCurrent(ruleset -> classify(snapshot, ruleset)));
    }

    private Classification classify(SnapshotView snapshot, Ruleset ruleset) {
        List<Map<String, Double>> history = signals.history(snapshot.teamKey(), snapshot.measuredAt(), TREND_SNAPSHOTS).stream()
                .map(SnapshotView::signals).toList();
        List<FindingView> findings = new Judgement(ruleset, metrics).classify(snapshot.signals(), snapshot.respondents(), history);
        Classification classification = new Classification(snapshot.id(), ruleset.version(), clock.instant(), findings);
        classifications.save(new StoredClassification(snapshot.id(), snapshot.teamKey(), ruleset.version(),
                classification.classifiedAt(), write(findings)));
        events.publishEvent(new SignalsClassified(snapshot.id(), snapshot.teamKey(), ruleset.version(), findings));
        return classification;
    }

    @Transactional(readOnly = true)
    public Optional<Classification> classificationOf(UUID snapshotId) {
        return classifications.findById(snapshotId).map(stored -> new Classification(stored.snapshotId(),
                stored.rulesetVersion(), stored.classifiedAt(), read(stored.findingsJson())));
    }

    /**
     * Ranks catalogue interventions for the findings, leaving out those already tried in the loop and
     * ranking first what verifiably reduced the same pattern elsewhere ({@code effects}).
     */
    public List<RecommendedIntervention> recommend(List<FindingView> findings, Set<String> alreadyTried,
                                                   List<InterventionEffect> effects) {
        return rulesets.withCurrent(ruleset -> new Judgement(ruleset, metrics).recommend(findings, alreadyTried, effects));
    }

    /** Compares baseline and re-measure on the metrics the intervention targets. */
    public Verification verify(String interventionId, SnapshotView baseline, SnapshotView remeasure) {
        return rulesets.withCurrent(ruleset -> {
            Intervention intervention = ruleset.intervention(interventionId)
                    .orElseThrow(() -> new InvalidInputException("interventionId", "unknown intervention '" + interventionId + "'"));
            return new Judgement(ruleset, metrics).verify(intervention, baseline.metrics(), remeasure.metrics());
        });
    }

    /**
     * Runs the folder's current rules (built and self-checked, not activated) over the stored snapshots
     * measured in [from, to) and reports, per team, the findings that would appear, disappear or change
     * severity against what was decided then. Changes nothing.
     */
    @Transactional(readOnly = true)
    public Backtest backtest(Instant from, Instant to) {
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
            Judgement judgement = new Judgement(candidate, metrics);
            Map<String, List<Backtest.Change>> byTeam = new java.util.TreeMap<>();
            int compared = 0;
            for (int page = 0; ; page++) {
                List<SnapshotView> snapshots = signals.snapshotsBetween(from, to, page, BACKTEST_PAGE);
                for (SnapshotView snapshot : snapshots) {
                    Optional<Classification> decided = classificationOf(snapshot.id());
                    if (decided.isEmpty()) {
                        continue;
                    }
                    compared++;
                    List<Map<String, Double>> history = signals.history(snapshot.teamKey(), snapshot.measuredAt(), TREND_SNAPSHOTS)
                            .stream().map(SnapshotView::signals).toList();
                    List<Backtest.Change> changes = compare(snapshot, decided.get(),
                            judgement.classify(snapshot.signals(), snapshot.respondents(), history));
                    if (!changes.isEmpty()) {
                        byTeam.computeIfAbsent(snapshot.teamKey(), team -> new java.util.ArrayList<>()).addAll(changes);
                    }
                }
                if (snapshots.size() < BACKTEST_PAGE) {
                    break;
                }
            }
            return new Backtest(candidate.version(), activeVersion(), from, to, compared, byTeam.entrySet().stream()
                    .map(e -> new Backtest.TeamChanges(e.getKey(), e.getValue())).toList());
        }
    }

    private static List<Backtest.Change> compare(SnapshotView snapshot, Classification decided, List<FindingView> now) {
        Map<String, String> before = new java.util.TreeMap<>();
        decided.findings().forEach(f -> before.put(f.pattern(), f.severity()));
        Map<String, String> after = new java.util.TreeMap<>();
        now.forEach(f -> after.put(f.pattern(), f.severity()));
        java.util.Set<String> patterns = new java.util.TreeSet<>(before.keySet());
        patterns.addAll(after.keySet());
        List<Backtest.Change> changes = new java.util.ArrayList<>();
        for (String pattern : patterns) {
            String was = before.get(pattern);
            String would = after.get(pattern);
            Backtest.Kind kind = was == null ? Backtest.Kind.APPEARED : would == null ? Backtest.Kind.DISAPPEARED
                    : was.equals(would) ? null : Backtest.Kind.SEVERITY_CHANGED;
            if (kind != null) {
                changes.add(new Backtest.Change(snapshot.id(), snapshot.externalId(), snapshot.measuredAt(), pattern, kind,
                        was, would, decided.rulesetVersion()));
            }
        }
        return changes;
    }

    /** Builds, self-checks and activates the rules folder's current content, or refuses it and keeps the active one. */
    @Transactional
    public RulesetInfo reload() {
        ActiveRuleset.Reload reload = rulesets.reload();
        if (reload.changed()) {
            events.publishEvent(new RulesetActivated(reload.version(), reload.previousVersion()));
        }
        return rules();
    }

    /** The active ruleset: version, when it was loaded, and every rule with its metadata. */
    public RulesetInfo rules() {
        return rulesets.withCurrent(ruleset -> new RulesetInfo(ruleset.version(), ruleset.loadedAt(),
                ruleset.kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                        .sorted(java.util.Comparator.comparing(org.kie.api.definition.rule.Rule::getPackageName)
                                .thenComparing(org.kie.api.definition.rule.Rule::getName))
                        .map(r -> new RulesetInfo.Rule(r.getName(), r.getPackageName(), RuleRun.metadataOf(r))).toList()));
    }

    public List<Intervention> interventions() {
        return rulesets.withCurrent(Ruleset::interventions);
    }

    public Optional<Intervention> intervention(String id) {
        return rulesets.withCurrent(ruleset -> ruleset.intervention(id));
    }

    public String activeVersion() {
        return rulesets.withCurrent(Ruleset::version);
    }

    private String write(List<FindingView> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings are plain records and always serialise", e);
        }
    }

    private List<FindingView> read(String findings) {
        try {
            return json.readValue(findings, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored findings are unreadable", e);
        }
    }
}
