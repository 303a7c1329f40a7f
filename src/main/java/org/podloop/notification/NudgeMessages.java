package org.podloop.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.podloop.loop.PodTasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a nudge says, in plain words: what is asked, by when (in the reader's time zone), and the link to
 * the exact page. Team-level facts only: no answers, no scores of people, nobody named as having or not
 * having answered.
 */
@Component
class NudgeMessages {

    /** A message before it is addressed: its subject, its text, the page it points to. */
    record Message(String subject, String text, String link) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final String publicUrl;
    private final int weeklyLimit;

    NudgeMessages(@Value("${podloop.public-url:http://localhost:8080}") String publicUrl, NudgeProperties properties) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.weeklyLimit = properties.maxPerPersonPerWeek();
    }

    Message task(PodTasks.TaskNotice task, boolean reminder, ZoneId zone) {
        String lead = switch (task.kind()) {
            case CHOOSE ->
                "Your pod has findings to act on: choose one intervention, by click, from the" + " ranked options.";
            case RUN -> "Your pod chose an intervention: run it within its time-box and say how it went.";
            case ARRANGE_REMEASUREMENT ->
                "No re-measurement of the team arrived in time: arrange one, so"
                        + " that the loop can verify what changed.";
            case DECIDE -> "A loop is ready for governance's decision, with its evidence.";
        };
        String text = (reminder ? "Reminder: this is still open. " : "") + lead + "\n" + task.title() + "."
                + due(task.due(), zone);
        return new Message((reminder ? "Reminder: " : "") + task.title(), text, url(task.page()));
    }

    Message pulseOpened(String team, UUID roundId, Instant closesAt, ZoneId zone) {
        return new Message(
                "Pulse for team " + team + ": how is it going?",
                "Team " + team + "'s pulse is open" + until(closesAt, zone) + ". It takes a few minutes. Answers"
                        + " are folded into team totals at once and never stored one by one; nothing shows"
                        + " fewer than the privacy minimum of respondents.",
                url("/pulse/" + roundId));
    }

    /** Goes to the whole pod: a reminder only for those who have not answered would record who they are. */
    Message pulseReminder(String team, UUID roundId, Instant closesAt, ZoneId zone) {
        return new Message(
                "Pulse for team " + team + " closes soon",
                "Team " + team + "'s pulse closes" + at(closesAt, zone) + ". If you have answered already,"
                        + " thank you: there is nothing more to do. (Everyone in the pod gets this reminder, so"
                        + " that no list of who has not answered exists anywhere.)",
                url("/pulse/" + roundId));
    }

    Message loopEnded(String team, boolean escalated) {
        return new Message(
                escalated ? "Team " + team + "'s loop was escalated" : "Team " + team + "'s loop is closed",
                escalated
                        ? "The loop ran its iterations without a verified reduction of the friction, and"
                                + " governance escalated it. The team page shows what was tried and measured."
                        : "Governance closed the loop on its evidence. The team page shows what changed.",
                url("/teams/" + team));
    }

    /** The mail: her name, the message, the link, and why she gets it and how to change that. */
    String mail(String firstName, Message message, String why) {
        return "Hello " + firstName + ",\n\n" + message.text() + "\n\nOpen it: " + message.link() + "\n\n-- \n" + why
                + " Podloop mails you at most " + weeklyLimit + " nudges a week, tasks first; the rest wait on"
                + " your start page. Mail on or off, quiet hours, a pause: " + url("/notifications") + "\n";
    }

    private String url(String path) {
        return publicUrl + path;
    }

    private static String due(Instant due, ZoneId zone) {
        return due == null ? "" : "\nDue: " + WHEN.format(due.atZone(zone)) + " (" + zone.getId() + ").";
    }

    private static String until(Instant at, ZoneId zone) {
        return at == null ? "" : " until " + WHEN.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String at(Instant at, ZoneId zone) {
        return at == null ? "" : " on " + WHEN.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
