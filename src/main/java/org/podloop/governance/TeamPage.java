package org.podloop.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.podloop.identity.PodloopPage;
import org.podloop.identity.TeamScope;
import org.podloop.loop.LoopFilter;
import org.podloop.loop.LoopService;
import org.podloop.loop.LoopStatus;
import org.podloop.loop.LoopSummary;
import org.podloop.loop.LoopView;
import org.podloop.pulse.MyPulseRound;
import org.podloop.pulse.PulseService;
import org.podloop.signal.SignalService;
import org.podloop.signal.TeamView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The team page, {@code /teams/{key}}, for the team's pod first (and governance): the team's metrics over
 * time with its loops' interventions and outcomes marked, where the current loop stands and what comes
 * next, past iterations in plain words. Only this team's data: no comparison, no ranking. Anyone else
 * gets a page saying so (403), an unknown team a page saying that (404) — never problem JSON.
 */
@Controller
@PodloopPage
class TeamPage {

    /** The loops whose iterations the page tells and marks: a team's history, not an archive. */
    private static final int LOOPS_SHOWN = 20;

    /** A past loop: when it opened, how it ended, its iterations as sentences. */
    record PastLoop(
            Instant openedAt, String opened, String status, Instant endedAt, String ended, List<String> iterations) {}

    private final SignalService signals;
    private final LoopService loops;
    private final PulseService pulses;
    private final TeamStory story;
    private final TrendChart chart;
    private final ObjectMapper json;

    TeamPage(
            SignalService signals,
            LoopService loops,
            PulseService pulses,
            TeamStory story,
            TrendChart chart,
            ObjectMapper json) {
        this.signals = signals;
        this.loops = loops;
        this.pulses = pulses;
        this.story = story;
        this.chart = chart;
        this.json = json;
    }

    @GetMapping("/teams/{key}")
    String team(@PathVariable String key, Model model, HttpServletResponse response) throws JsonProcessingException {
        // the same answer for a team that does not exist and one whose key is no team key at all
        if (!signals.teamExists(key)) {
            return error(
                    model,
                    response,
                    HttpStatus.NOT_FOUND,
                    "No such team",
                    "There is no team '" + key + "'. Your teams are linked in the header.");
        }
        if (!TeamScope.ofCurrentCaller().includes(key)) {
            return error(
                    model,
                    response,
                    HttpStatus.FORBIDDEN,
                    "Not your team",
                    "This page belongs to team " + key + "'s pod (and governance). Your own teams are linked in"
                            + " the header.");
        }
        TeamView team = signals.team(key);
        List<LoopView> teamLoops =
                loops.loops(new LoopFilter(key, null, null, null, null), 0, LOOPS_SHOWN).items().stream()
                        .map(LoopSummary::id)
                        .map(loops::loop)
                        .toList();
        LoopView current = teamLoops.stream()
                .filter(loop -> loop.status() == LoopStatus.OPEN)
                .findFirst()
                .orElse(null);
        // oldest first, as a story is told; the open loop's finished iterations too
        List<LoopView> oldestFirst = new ArrayList<>(teamLoops);
        Collections.reverse(oldestFirst);
        List<PastLoop> past = oldestFirst.stream()
                .map(loop -> new PastLoop(
                        loop.openedAt(),
                        Words.when(loop.openedAt()) + " UTC",
                        status(loop),
                        loop.endedAt(),
                        loop.endedAt() == null ? null : Words.when(loop.endedAt()) + " UTC",
                        story.past(loop)))
                .filter(loop -> !loop.iterations().isEmpty())
                .toList();
        TrendChart.Chart trend = chart.ofTeam(key, teamLoops);
        model.addAttribute("team", team);
        TeamStory.Current now = current == null ? null : story.current(current);
        model.addAttribute("current", now);
        // the step names the round already while the loop waits for it: then only the way to answer it
        model.addAttribute("roundInStep", now != null && now.step().text().contains("pulse round open"));
        MyPulseRound round = pulses.mine().stream()
                .filter(mine -> mine.team().equals(key))
                .findFirst()
                .orElse(null);
        model.addAttribute("openRound", round == null ? null : roundLine(round));
        model.addAttribute("answeredRound", round != null && round.answeredByMe());
        model.addAttribute("past", past);
        model.addAttribute("hasSnapshots", !trend.panels().isEmpty());
        model.addAttribute(
                "hasMarks", !trend.spans().isEmpty() || !trend.outcomes().isEmpty());
        model.addAttribute("trend", json.writeValueAsString(trend));
        return "governance/team";
    }

    /** The team's open pulse round as the viewer may answer it (a pod member's): the page points her to it. */
    private static TeamStory.Line roundLine(MyPulseRound round) {
        return TeamStory.Line.of(
                "A pulse round is open: " + round.answered() + " of " + round.invited() + " answered"
                        + (round.answeredByMe() ? ", you among them" : "") + "; it closes ",
                round.closesAt(),
                ".");
    }

    private static String status(LoopView loop) {
        return switch (loop.status()) {
            case OPEN -> "still open";
            case CLOSED -> "closed";
            case ESCALATED -> "escalated";
        };
    }

    private static String error(
            Model model, HttpServletResponse response, HttpStatus status, String title, String message) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "governance/team-error";
    }
}
