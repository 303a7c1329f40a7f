package org.podloop.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.podloop.audit.AuditTrail;
import org.podloop.classification.ClassificationService;
import org.podloop.common.InvalidInputException;
import org.podloop.loop.LoopFilter;
import org.podloop.loop.LoopPhase;
import org.podloop.loop.LoopService;
import org.podloop.loop.LoopStatus;
import org.podloop.loop.LoopSummary;
import org.podloop.loop.LoopView;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Intervention;
import org.podloop.rules.Metric;
import org.podloop.signal.SignalService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The governance page: loops with filters (team, status, pattern from the catalogue), the chain's status,
 * effectiveness; a loop's record as sentences with its iterations' decisions, beside its team's trend
 * with the interventions and outcomes marked. Bad ids and filters get {@link GovernancePageErrors}' page.
 */
@Controller
class GovernancePage {

    private static final int LOOPS_SHOWN = 100;

    /** One line of the loop list, in words. */
    record LoopRow(
            UUID id,
            String team,
            LoopStatus status,
            String patterns,
            String currentStep,
            String lastOutcome,
            String opened,
            String ended,
            int iterations) {}

    private final LoopService loops;
    private final Effectiveness effectiveness;
    private final AuditTrail trail;
    private final SignalService signals;
    private final ClassificationService classification;
    private final ActiveRuleset rules;
    private final RecordSentences sentences;
    private final TrendChart chart;
    private final ObjectMapper json;

    GovernancePage(
            LoopService loops,
            Effectiveness effectiveness,
            AuditTrail trail,
            SignalService signals,
            ClassificationService classification,
            ActiveRuleset rules,
            RecordSentences sentences,
            TrendChart chart,
            ObjectMapper json) {
        this.loops = loops;
        this.effectiveness = effectiveness;
        this.trail = trail;
        this.signals = signals;
        this.classification = classification;
        this.rules = rules;
        this.sentences = sentences;
        this.chart = chart;
        this.json = json;
    }

    @GetMapping("/governance")
    String overview(
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String pattern,
            Model model) {
        String teamFilter = team(team);
        LoopStatus statusFilter = status(status);
        Set<String> patterns = patterns();
        String patternFilter = pattern(pattern, patterns);
        var found = loops.loops(new LoopFilter(teamFilter, statusFilter, patternFilter, null, null), 0, LOOPS_SHOWN);
        model.addAttribute(
                "loops", found.items().stream().map(GovernancePage::row).toList());
        model.addAttribute("total", found.total());
        model.addAttribute("teams", signals.teamNames());
        model.addAttribute("statuses", LoopStatus.values());
        model.addAttribute("patterns", patterns);
        model.addAttribute("team", teamFilter);
        model.addAttribute("status", statusFilter);
        model.addAttribute("pattern", patternFilter);
        model.addAttribute("chain", trail.verify());
        model.addAttribute("effectiveness", effectiveness.report(null).rows());
        return "governance/overview";
    }

    @GetMapping("/governance/loops/{id}")
    String loop(@PathVariable UUID id, Model model) throws JsonProcessingException {
        LoopView loop = loops.loop(id);
        model.addAttribute("loop", loop);
        model.addAttribute("opened", Words.when(loop.openedAt()));
        model.addAttribute("ended", Words.when(loop.endedAt()));
        model.addAttribute(
                "iterations", loop.iterations().stream().map(this::iteration).toList());
        model.addAttribute("record", sentences.of(loop, trail.loop(id)));
        model.addAttribute("trend", json.writeValueAsString(chart.of(loop)));
        return "governance/loop";
    }

    /** An iteration in plain view: what was found, what ran, what the re-measurement showed, who decided what and why. */
    record IterationView(
            int number,
            String started,
            String ended,
            List<String> findings,
            String intervention,
            String outcome,
            List<String> reasons,
            String decision,
            String rationale) {}

    private IterationView iteration(LoopView.Iteration it) {
        List<String> findings = it.baselineFindings().stream()
                .map(f -> f.pattern() + " (" + f.severity() + ")"
                        + (f.evidence() == null || f.evidence().isEmpty()
                                ? ""
                                : ": "
                                        + f.evidence().stream()
                                                .map(e -> e.label() + " " + Words.number(e.value())
                                                        + (e.threshold() == null
                                                                ? ""
                                                                : " (rule: " + e.threshold() + ")")
                                                        + (e.provenance() == null ? "" : " — " + e.provenance()))
                                                .collect(Collectors.joining(", "))))
                .toList();
        String intervention = it.interventionId() == null
                ? null
                : classification
                        .intervention(it.interventionId())
                        .map(i -> i.title() + " (" + i.id() + ", time-box " + Words.duration(i.timeBox()) + ")")
                        .orElse(it.interventionId());
        return new IterationView(
                it.number(),
                Words.when(it.startedAt()),
                Words.when(it.endedAt()),
                findings,
                intervention,
                it.verification() == null ? null : it.verification().outcome().name(),
                it.verification() == null ? List.of() : it.verification().reasons(),
                it.decision() == null ? null : it.decision().name(),
                it.rationale());
    }

    private static LoopRow row(LoopSummary loop) {
        return new LoopRow(
                loop.id(),
                loop.team(),
                loop.status(),
                loop.patterns().isEmpty() ? "–" : String.join(", ", loop.patterns()),
                step(loop.currentStep()),
                loop.lastOutcome() == null ? "–" : loop.lastOutcome(),
                Words.when(loop.openedAt()),
                Words.when(loop.endedAt()),
                loop.iterations());
    }

    static String step(LoopPhase phase) {
        return switch (phase) {
            case STARTING -> "starting its first iteration";
            case CHOOSING_INTERVENTION -> "pod chooses an intervention";
            case RUNNING_INTERVENTION -> "intervention running, re-measurement awaited";
            case VERIFYING -> "verifying the re-measurement";
            case DECIDING -> "governance decides";
            case BETWEEN_ITERATIONS -> "next iteration starting";
            case CLOSED -> "closed";
            case ESCALATED -> "escalated";
        };
    }

    /** The patterns a loop can work on: those the intervention catalogue addresses and the metrics inform. */
    private Set<String> patterns() {
        Set<String> patterns = new TreeSet<>();
        classification.interventions().stream().map(Intervention::patterns).forEach(patterns::addAll);
        rules.metrics().all().stream()
                .map(Metric::informs)
                .filter(informs -> informs != null && !informs.isBlank())
                .forEach(patterns::add);
        return patterns;
    }

    private String team(String team) {
        String key = blankToNull(team);
        if (key != null && !signals.teamExists(key)) {
            throw new InvalidInputException("team", "there is no team '" + key + "'; choose one from the list");
        }
        return key;
    }

    private static LoopStatus status(String status) {
        String value = blankToNull(status);
        if (value == null) {
            return null;
        }
        return Arrays.stream(LoopStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "status",
                        "'" + value + "' is not a loop status; choose one of " + Arrays.toString(LoopStatus.values())));
    }

    /** Case does not matter: patterns are upper-case constants in the catalogue. */
    private static String pattern(String pattern, Set<String> known) {
        String value = blankToNull(pattern);
        if (value == null) {
            return null;
        }
        String normalized = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (!known.contains(normalized)) {
            throw new InvalidInputException(
                    "pattern", "'" + value + "' is not a pattern of the catalogue; choose one from the list");
        }
        return normalized;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
