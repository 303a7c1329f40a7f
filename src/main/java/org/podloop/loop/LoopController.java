package org.podloop.loop;

import java.util.List;
import java.util.UUID;
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
    List<LoopSummary> loops(@RequestParam(required = false) String team, @RequestParam(required = false) LoopStatus status) {
        return loops.loops(team, status);
    }

    @GetMapping("/api/reports/effectiveness")
    EffectivenessReport effectiveness() {
        return loops.effectiveness();
    }

    @GetMapping("/api/loops/{id}")
    LoopView loop(@PathVariable UUID id) {
        return loops.loop(id);
    }
}
