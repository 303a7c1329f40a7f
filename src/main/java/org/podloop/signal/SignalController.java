package org.podloop.signal;

import java.util.List;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Metric;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SignalController {

    private final SignalService signals;
    private final ActiveRuleset rules;

    SignalController(SignalService signals, ActiveRuleset rules) {
        this.signals = signals;
        this.rules = rules;
    }

    @GetMapping("/api/metrics")
    List<Metric> metrics() {
        return rules.metrics().all();
    }

    @GetMapping("/api/teams")
    List<TeamView> teams() {
        return signals.teams();
    }

    @GetMapping("/api/teams/{key}")
    TeamView team(@PathVariable String key) {
        return signals.team(key);
    }

    @GetMapping("/api/teams/{key}/snapshots")
    SnapshotPage snapshots(
            @PathVariable String key,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return signals.snapshots(key, page, size);
    }

    @PostMapping("/api/teams")
    @ResponseStatus(HttpStatus.CREATED)
    TeamView createTeam(@RequestBody NewTeam team) {
        return signals.createTeam(team);
    }
}
