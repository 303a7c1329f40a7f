package org.podloop.loop;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.podloop.common.ForbiddenException;
import org.podloop.common.NotFoundException;
import org.podloop.identity.PodloopPage;
import org.podloop.identity.ProblemPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A loop task as its people work it: {@code /tasks/{id}} shows what the task is about in plain words and
 * asks its few fields; a refusal keeps the task open and says why next to the field.
 */
@Controller
@PodloopPage
class TaskPages {

    private final PodTasks tasks;

    TaskPages(PodTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable String id, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("task", tasks.form(id));
        } catch (NotFoundException gone) {
            return gone(model, response, 404);
        } catch (ForbiddenException notYours) {
            return error(model, response, 403, "This task belongs to another pod.");
        }
        model.addAttribute("submitted", Map.of());
        model.addAttribute("errors", Map.of());
        return "loop/task";
    }

    @PostMapping("/tasks/{id}")
    String complete(
            @PathVariable String id,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PodTasks.TaskForm task;
        try {
            task = tasks.form(id);
        } catch (NotFoundException gone) {
            return gone(model, response, 409);
        } catch (ForbiddenException notYours) {
            return error(model, response, 403, "This task belongs to another pod.");
        }
        Map<String, Object> variables = variables(task.kind(), form);
        try {
            tasks.complete(id, variables);
        } catch (NotFoundException gone) {
            return gone(model, response, 409);
        } catch (RuntimeException refused) {
            TaskInputException input = inputProblem(refused);
            if (input == null && lostRace(refused)) {
                return gone(model, response, 409);
            }
            if (input == null) {
                throw refused;
            }
            response.setStatus(400);
            model.addAttribute("task", task);
            model.addAttribute("submitted", form);
            model.addAttribute("errors", Map.of(input.field(), sentence(input.reason())));
            return "loop/task";
        }
        redirect.addFlashAttribute("notice", "Done: " + task.title() + ". " + task.next());
        return "redirect:/";
    }

    /** Only the fields this kind of task asks; anything else in the form is not passed to the engine. */
    private static Map<String, Object> variables(PodTasks.TaskKind kind, Map<String, String> form) {
        Map<String, Object> variables = new LinkedHashMap<>();
        switch (kind) {
            case CHOOSE -> variables.put(ProcessIds.VAR_INTERVENTION_ID, trimmed(form, ProcessIds.VAR_INTERVENTION_ID));
            case RUN -> {
                variables.put(ProcessIds.VAR_OUTCOME_NOTES, trimmed(form, ProcessIds.VAR_OUTCOME_NOTES));
                variables.put(ProcessIds.VAR_EXTEND, form.containsKey(ProcessIds.VAR_EXTEND));
            }
            case ARRANGE_REMEASUREMENT ->
                variables.put(
                        ProcessIds.VAR_REMEASUREMENT_ARRANGEMENT,
                        trimmed(form, ProcessIds.VAR_REMEASUREMENT_ARRANGEMENT));
            case DECIDE -> {
                variables.put(ProcessIds.VAR_DECISION, trimmed(form, ProcessIds.VAR_DECISION));
                variables.put(ProcessIds.VAR_RATIONALE, trimmed(form, ProcessIds.VAR_RATIONALE));
            }
        }
        return variables;
    }

    private static String trimmed(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null ? null : value.strip();
    }

    private static TaskInputException inputProblem(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof TaskInputException input) {
                return input;
            }
        }
        return null;
    }

    /** Someone in the pod completed the task a moment before: the engine no longer finds it, or lost the race. */
    private static boolean lostRace(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof NullValueException) {
                return true;
            }
        }
        return false;
    }

    /** "is required" → "Please fill this in." */
    private static String sentence(String reason) {
        String text = reason.equals("is required") ? "Please fill this in." : reason;
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + (text.endsWith(".") ? "" : ".");
    }

    private static String gone(Model model, HttpServletResponse response, int status) {
        return error(
                model,
                response,
                status,
                "This task is no longer open: someone in your pod may have completed it. Your start page shows what is open now.");
    }

    private static String error(Model model, HttpServletResponse response, int status, String message) {
        return ProblemPage.show(model, response, status, message, "/", "Back to your start page");
    }
}
