package org.podloop.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.podloop.audit.AuditTrail;
import org.podloop.loop.LoopFilter;
import org.podloop.loop.LoopService;
import org.podloop.loop.LoopStatus;
import org.podloop.loop.LoopView;
import org.podloop.signal.SignalService;
import org.podloop.signal.SnapshotView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The governance page: loops with filters, the chain's status, effectiveness; a loop's timeline with its team's trend. */
@Controller
class GovernancePage {

    private static final int TREND_SNAPSHOTS = 52;

    private final LoopService loops;
    private final Effectiveness effectiveness;
    private final AuditTrail trail;
    private final SignalService signals;
    private final ObjectMapper json;

    GovernancePage(
            LoopService loops,
            Effectiveness effectiveness,
            AuditTrail trail,
            SignalService signals,
            ObjectMapper json) {
        this.loops = loops;
        this.effectiveness = effectiveness;
        this.trail = trail;
        this.signals = signals;
        this.json = json;
    }

    @GetMapping("/governance")
    String overview(
            @RequestParam(required = false) String team,
            @RequestParam(required = false) LoopStatus status,
            @RequestParam(required = false) String pattern,
            Model model) {
        String teamFilter = blankToNull(team);
        String patternFilter = blankToNull(pattern);
        model.addAttribute("loops", loops.loops(new LoopFilter(teamFilter, status, patternFilter, null, null), 0, 100));
        model.addAttribute("teams", signals.teams());
        model.addAttribute("statuses", LoopStatus.values());
        model.addAttribute("team", teamFilter);
        model.addAttribute("status", status);
        model.addAttribute("pattern", patternFilter);
        model.addAttribute("chain", trail.verify());
        model.addAttribute("effectiveness", effectiveness.report(null).rows());
        return "governance/overview";
    }

    @GetMapping("/governance/loops/{id}")
    String loop(@PathVariable UUID id, Model model) throws JsonProcessingException {
        LoopView loop = loops.loop(id);
        model.addAttribute("loop", loop);
        model.addAttribute("audit", trail.loop(id));
        model.addAttribute("trend", json.writeValueAsString(trend(loop)));
        return "governance/loop";
    }

    /** The team's metrics over its last snapshots (oldest first), with this loop's interventions and outcomes marked. */
    private Map<String, Object> trend(LoopView loop) {
        List<SnapshotView> snapshots = new ArrayList<>(
                signals.snapshots(loop.team(), 0, TREND_SNAPSHOTS).items());
        Collections.reverse(snapshots);
        Map<String, List<Map<String, Object>>> series = new LinkedHashMap<>();
        for (SnapshotView snapshot : snapshots) {
            snapshot.signals()
                    .forEach((metric, value) -> series.computeIfAbsent(metric, m -> new ArrayList<>())
                            .add(Map.of("x", snapshot.measuredAt().toString(), "y", value)));
        }
        List<Map<String, Object>> marks = loop.iterations().stream()
                .map(it -> {
                    Map<String, Object> mark = new LinkedHashMap<>();
                    mark.put("at", it.startedAt().toString());
                    mark.put(
                            "label",
                            "Iteration " + it.number() + ": "
                                    + (it.interventionId() == null ? "choosing" : it.interventionId())
                                    + (it.verification() == null
                                            ? ""
                                            : " → " + it.verification().outcome()));
                    return mark;
                })
                .toList();
        return Map.of("series", series, "marks", marks);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
