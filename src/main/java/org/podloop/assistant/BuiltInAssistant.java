package org.podloop.assistant;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.podloop.common.Sha256;
import org.podloop.loop.PodTasks;
import org.springframework.stereotype.Component;

/**
 * The assistant that needs no network and no model: writes the brief and debrief from the same
 * team-level facts the task pages show (findings in the metrics' words and units, the ranked options with
 * what they verifiably did elsewhere, the verification and its reasons). Deterministic: the same facts give
 * the same text.
 */
@Component
class BuiltInAssistant {

    static final String WORKER = "built-in";

    private static final int SHORTEST_SESSION = 15;
    private static final int LONGEST_SESSION = 60;

    /** The pod's brief: what the findings mean, the three best options compared, a plan for the top one. */
    Draft brief(PodTasks.TaskForm facts) {
        StringBuilder text = new StringBuilder();
        text.append("Draft by Podloop's assistant (built-in), for the pod to weigh: the pod decides.\n\n");
        text.append("What the findings say for team ").append(facts.team()).append(":\n");
        if (facts.findings().isEmpty()) {
            text.append("- No finding stands out.\n");
        }
        for (PodTasks.FindingLine finding : facts.findings()) {
            text.append("- ").append(severity(finding.severity())).append(finding.sentence());
            if (!finding.values().isEmpty()) {
                text.append(" (").append(String.join("; ", finding.values())).append(")");
            }
            text.append('\n');
        }
        List<PodTasks.Option> best = facts.options().stream().limit(3).toList();
        if (!best.isEmpty()) {
            text.append("\nThe ")
                    .append(best.size() == 1 ? "best option" : best.size() + " best options")
                    .append(", best first:\n");
            for (PodTasks.Option option : best) {
                text.append(option.rank())
                        .append(". ")
                        .append(option.title())
                        .append(" — ")
                        .append(ended(option.why()))
                        .append(" Time-box: ")
                        .append(option.timeBox())
                        .append(".")
                        .append(
                                option.steps().isEmpty()
                                        ? ""
                                        : " Steps: "
                                                + String.join(
                                                        " ",
                                                        option.steps().stream()
                                                                .map(BuiltInAssistant::ended)
                                                                .toList()))
                        .append(" Elsewhere: ")
                        .append(ended(option.elsewhere()))
                        .append('\n');
            }
            text.append('\n').append(plan(best.get(0)));
        }
        return draft(text.toString(), facts);
    }

    /**
     * Governance's debrief: what ran, what changed and how sure we are, what is still present, and a
     * suggested decision with its reason.
     */
    Draft debrief(PodTasks.TaskForm facts, String verificationOutcome, boolean iterationsExhausted, boolean withNotes) {
        StringBuilder text = new StringBuilder();
        text.append("Draft by Podloop's assistant (built-in), for governance: governance decides.\n\n");
        if (facts.intervention() != null) {
            text.append("What ran: ").append(facts.intervention().title());
            if (facts.timeBox() != null) {
                text.append(" (time-box ").append(facts.timeBox()).append(')');
            }
            text.append(".\n");
        }
        if (withNotes && facts.podNotes() != null && !facts.podNotes().isBlank()) {
            text.append("The pod's notes: ").append(facts.podNotes().strip()).append('\n');
        }
        text.append("\nWhat changed:\n");
        if (facts.changes().isEmpty()) {
            text.append("- No targeted metric was measured both times.\n");
        }
        for (PodTasks.Change change : facts.changes()) {
            text.append("- ")
                    .append(change.metric())
                    .append(": ")
                    .append(change.before())
                    .append(" → ")
                    .append(change.after());
            if (change.noise() != null
                    && !change.noise().isBlank()
                    && !change.noise().equals("–")) {
                text.append(" (noise ").append(change.noise()).append(')');
            }
            text.append('\n');
        }
        text.append("\nHow sure we are: ")
                .append(facts.outcome() == null ? "not verified." : ended(facts.outcome()))
                .append('\n');
        facts.reasons().forEach(reason -> text.append("- ").append(reason).append('\n'));
        text.append("\nStill present:\n");
        if (facts.stillPresent().isEmpty()) {
            text.append("- No finding.\n");
        }
        facts.stillPresent()
                .forEach(finding -> text.append("- ")
                        .append(severity(finding.severity()))
                        .append(finding.sentence())
                        .append('\n'));
        text.append("\nSuggested decision: ")
                .append(suggestion(verificationOutcome, iterationsExhausted))
                .append('\n');
        return draft(text.toString(), facts);
    }

    /** A 15–60 minute session of the top option: open, its steps, close. */
    static String plan(PodTasks.Option top) {
        int steps = top.steps().size();
        // 5 minutes to open and 5 to close, about 10 per step, 15–60 in all; an option without steps is one talk
        int between = steps == 0
                ? SHORTEST_SESSION - 10
                : Math.max(1, (Math.min(LONGEST_SESSION, Math.max(SHORTEST_SESSION, 10 + 10 * steps)) - 10) / steps);
        StringBuilder plan = new StringBuilder("A plan for a ")
                .append(10 + (steps == 0 ? between : between * steps))
                .append("-minute session on “")
                .append(top.title())
                .append("”:\n- 5 min: open. Why we meet (the findings above) and how we talk: everyone speaks once,"
                        + " no blame, what is said stays in the room.\n");
        if (steps == 0) {
            plan.append("- ").append(between).append(" min: talk it through together.\n");
        }
        for (String step : top.steps()) {
            plan.append("- ").append(between).append(" min: ").append(step).append('\n');
        }
        plan.append("- 5 min: close. Agree who does what until the time-box ends, and that the team measures itself"
                + " again then, to see whether it helped.\n");
        return plan.toString();
    }

    static String suggestion(String outcome, boolean iterationsExhausted) {
        if ("REDUCED".equals(outcome)) {
            return "CLOSE — the friction verifiably dropped beyond the noise; keep the practice and close the loop.";
        }
        if (iterationsExhausted) {
            return "ESCALATE — the loop ran its iterations without a verified reduction; the cause may lie beyond"
                    + " what the pod can change alone.";
        }
        if ("INCONCLUSIVE".equals(outcome)) {
            return "REPEAT — the change cannot be told from the noise; measure again with more respondents.";
        }
        return "REPEAT — the friction did not verifiably drop; try the next option.";
    }

    /** The text as a sentence: one full stop at its end, never two. */
    static String ended(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.isEmpty() || stripped.matches(".*[.!?…]$") ? stripped : stripped + ".";
    }

    private static String severity(String severity) {
        return severity == null ? "" : severity + ": ";
    }

    /** The facts it wrote from, as text, are what the hash covers: the same facts, the same hash. */
    private static Draft draft(String text, PodTasks.TaskForm facts) {
        String given = String.valueOf(facts.team())
                + '\n'
                + facts.findings()
                + '\n'
                + facts.options()
                + '\n'
                + facts.changes()
                + '\n'
                + facts.reasons()
                + '\n'
                + facts.stillPresent()
                + '\n'
                + facts.podNotes();
        return new Draft(text, WORKER, Sha256.hex(digest -> digest.update(given.getBytes(StandardCharsets.UTF_8))));
    }
}
