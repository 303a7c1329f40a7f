package org.podloop.home;

import java.util.List;
import org.podloop.identity.PodloopPage;
import org.podloop.pulse.PulseService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page {@code /}, where everyone lands after login: what the signed-in person can do now.
 * The viewer (teams, whether she governs) comes from {@code ViewerAdvice}; pulse rounds and tasks
 * are read as her, so she sees her own only.
 */
@Controller
@PodloopPage
class HomePage {

    /** Where pod members work on their tasks (Camunda's Tasklist, same login as the engine). */
    static final String TASKLIST = "/camunda/app/tasklist/default/";

    private final PulseService pulses;

    HomePage(PulseService pulses) {
        this.pulses = pulses;
    }

    @GetMapping("/")
    String start(Model model) {
        model.addAttribute("rounds", pulses.mine());
        model.addAttribute("tasks", tasks());
        model.addAttribute("tasklist", TASKLIST);
        model.addAttribute("times", new Times());
        return "home/start";
    }

    /**
     * The signed-in person's open loop tasks, each with {@code taskId()}, {@code title()}, {@code team()},
     * {@code due()} and {@code page()}.
     */
    List<?> tasks() {
        // PodTasks.mine() is wired in when the loop's task pages land
        return List.of();
    }
}
