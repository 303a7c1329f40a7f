package org.podloop.home;

import org.podloop.identity.PodloopPage;
import org.podloop.loop.PodTasks;
import org.podloop.notification.NudgeService;
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
    private final PodTasks tasks;
    private final NudgeService nudges;

    HomePage(PulseService pulses, PodTasks tasks, NudgeService nudges) {
        this.pulses = pulses;
        this.tasks = tasks;
        this.nudges = nudges;
    }

    @GetMapping("/")
    String start(Model model) {
        model.addAttribute("rounds", pulses.mine());
        model.addAttribute("tasks", tasks.mine());
        model.addAttribute("nudges", nudges.mine(5));
        model.addAttribute("tasklist", TASKLIST);
        model.addAttribute("times", new Times());
        return "home/start";
    }
}
