package org.podloop.pulse;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.podloop.common.ConflictException;
import org.podloop.common.ForbiddenException;
import org.podloop.common.InvalidInputException;
import org.podloop.common.NotFoundException;
import org.podloop.identity.PodloopPage;
import org.podloop.identity.ProblemPage;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Metric;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pulse as a pod member answers it: {@code /pulse} lists her open rounds, {@code /pulse/{id}} asks the
 * round's items on their scale. The answers go straight to {@link PulseService#answer}, which folds them
 * into the round's totals; nothing of them is kept here, in the session or in a redirect.
 */
@Controller
@PodloopPage
class PulsePages {

    /** One question of the form: the metric it belongs to, its position and text. */
    record Item(String metric, int index, String text) {
        public String field() {
            return "a." + metric + "." + index;
        }
    }

    /** One metric's part of the form. */
    record Part(String metric, String title, List<Item> items, List<Integer> scale) {}

    /** How the pages write a time: as a person reads it, in UTC ("2 Dec 2026 10:04"). */
    static final class Times {
        private static final DateTimeFormatter WHEN =
                DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

        public String of(Instant at) {
            return at == null ? "–" : WHEN.format(at) + " UTC";
        }
    }

    private static final Times TIMES = new Times();

    private final PulseService pulses;
    private final ActiveRuleset rules;

    PulsePages(PulseService pulses, ActiveRuleset rules) {
        this.pulses = pulses;
        this.rules = rules;
    }

    @GetMapping("/pulse")
    String mine(Model model) {
        model.addAttribute("rounds", pulses.mine());
        model.addAttribute("times", TIMES);
        return "pulse/list";
    }

    @GetMapping("/pulse/{id}")
    String round(@PathVariable String id, Model model, HttpServletResponse response) {
        return show(id, model, response, null, 200);
    }

    @PostMapping("/pulse/{id}")
    String answer(
            @PathVariable String id,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID roundId = parse(id);
        if (roundId == null) {
            return show(id, model, response, null, 404);
        }
        MyPulseRound round = pulses.mine(roundId).orElse(null);
        if (round == null) {
            return show(
                    id,
                    model,
                    response,
                    "This round is closed or does not ask you, so your answers were not counted",
                    409);
        }
        Map<String, List<Double>> answers = new LinkedHashMap<>();
        for (Part part : parts(round.metrics())) {
            List<Double> values = new ArrayList<>();
            for (Item item : part.items()) {
                String value = form.get(item.field());
                try {
                    values.add(value == null || value.isBlank() ? null : Double.valueOf(value));
                } catch (NumberFormatException e) {
                    // the sent value stays out of the message: a problem on a page can end up in a log
                    return show(id, model, response, part.title() + ": choose one of the points of the scale", 400);
                }
            }
            long given = values.stream().filter(value -> value != null).count();
            if (given > 0 && given < values.size()) {
                return show(
                        id,
                        model,
                        response,
                        part.title() + ": answer every statement of this part, or none of them",
                        400);
            }
            if (given > 0) {
                answers.put(part.metric(), values);
            }
        }
        if (answers.isEmpty()) {
            return show(id, model, response, "Answer at least one part before you send", 400);
        }
        try {
            pulses.answer(roundId, answers);
        } catch (InvalidInputException e) {
            return show(id, model, response, e.getMessage(), 400);
        } catch (ConflictException e) {
            return show(id, model, response, e.getMessage(), 409);
        }
        redirect.addFlashAttribute(
                "thanks",
                "Thank you. Your answers were added to your team's totals and cannot be"
                        + " changed; nobody, you included, can see them on their own.");
        return "redirect:/pulse";
    }

    private String show(String id, Model model, HttpServletResponse response, String problem, int status) {
        UUID roundId = parse(id);
        try {
            if (roundId == null) {
                throw new NotFoundException("no round " + id);
            }
            PulseRoundView round = pulses.round(roundId);
            MyPulseRound mine = pulses.mine(roundId).orElse(null);
            model.addAttribute("round", round);
            model.addAttribute("mine", mine);
            model.addAttribute("parts", parts(round.metrics()));
            model.addAttribute("titles", titles(round.metrics()));
            model.addAttribute("problem", problem);
            model.addAttribute("times", TIMES);
            response.setStatus(status);
            return "pulse/round";
        } catch (NotFoundException e) {
            return error(model, response, 404, "This round does not exist.");
        } catch (ForbiddenException e) {
            return error(model, response, 403, "This round asks another team's pod.");
        }
    }

    private static String error(Model model, HttpServletResponse response, int status, String message) {
        return ProblemPage.show(model, response, status, message, "/pulse", "Back to your rounds");
    }

    private List<Part> parts(List<String> metrics) {
        List<Part> parts = new ArrayList<>();
        for (String key : metrics) {
            Metric metric = rules.metrics().find(key).orElse(null);
            if (metric == null || metric.survey() == null) {
                continue;
            }
            var survey = metric.survey();
            List<Item> items = IntStream.range(0, survey.items().size())
                    .mapToObj(i -> new Item(key, i, survey.items().get(i)))
                    .toList();
            List<Integer> scale = IntStream.rangeClosed(survey.scaleMin(), survey.scaleMax())
                    .boxed()
                    .toList();
            parts.add(new Part(key, metric.title(), items, scale));
        }
        return parts;
    }

    private Map<String, String> titles(List<String> metrics) {
        Map<String, String> titles = new LinkedHashMap<>();
        metrics.forEach(key ->
                titles.put(key, rules.metrics().find(key).map(Metric::title).orElse(key)));
        return titles;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
