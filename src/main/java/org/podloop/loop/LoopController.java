package org.podloop.loop;

import java.time.Instant;
import java.util.UUID;
import org.podloop.common.ForbiddenException;
import org.podloop.identity.TeamScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoopController {

    private final LoopService loops;

    LoopController(LoopService loops) {
        this.loops = loops;
    }

    @GetMapping("/api/loops")
    LoopPage loops(
            @RequestParam(required = false) String team,
            @RequestParam(required = false) LoopStatus status,
            @RequestParam(required = false) String pattern,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        TeamScope scope = TeamScope.ofCurrentCaller();
        return loops.loops(
                new LoopFilter(team, status, pattern, from, to, scope.allTeams() ? null : scope.teams()), page, size);
    }

    @GetMapping("/api/loops/{id}")
    LoopView loop(@PathVariable UUID id) {
        LoopView loop = loops.loop(id);
        if (!TeamScope.ofCurrentCaller().includes(loop.team())) {
            throw new ForbiddenException(
                    "loop " + id + " belongs to team '" + loop.team() + "', and you are not in its pod");
        }
        return loop;
    }
}
