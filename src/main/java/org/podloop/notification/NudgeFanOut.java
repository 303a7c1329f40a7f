package org.podloop.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.podloop.identity.Directory;
import org.podloop.identity.Groups;
import org.podloop.loop.PodTasks;
import org.podloop.pulse.PulseService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one outbox event into its nudges, once (the node that marks the event fanned out writes them in
 * the same transaction): a mail for each person asked, and a message on the team's chat channels for
 * what concerns the whole pod. A task done or a round closed in the meantime is told to nobody.
 */
@Component
class NudgeFanOut {

    private final NudgeEvents events;
    private final Nudges nudges;
    private final NudgeMessages messages;
    private final NudgePeople people;
    private final ChatWebhooks webhooks;
    private final PodTasks tasks;
    private final PulseService pulses;
    private final Directory directory;

    NudgeFanOut(
            NudgeEvents events,
            Nudges nudges,
            NudgeMessages messages,
            NudgePeople people,
            ChatWebhooks webhooks,
            PodTasks tasks,
            PulseService pulses,
            Directory directory) {
        this.events = events;
        this.nudges = nudges;
        this.messages = messages;
        this.people = people;
        this.webhooks = webhooks;
        this.tasks = tasks;
        this.pulses = pulses;
        this.directory = directory;
    }

    /** Fans the event out unless another node has; returns how many nudges it wrote. */
    @Transactional
    public int fanOut(NudgeEvents.NudgeEvent event, Instant now) {
        if (!events.markFannedOut(event.id(), now)) {
            return 0;
        }
        List<Nudges.Nudge> written = new ArrayList<>();
        switch (event.kind()) {
            case TASK_CREATED ->
                tasks.notice(event.taskId()).ifPresent(task -> written.addAll(aboutTask(event, task, false, now)));
            case TASK_REMINDER ->
                tasks.openTasksOfLoop(event.loopId())
                        .forEach(task -> written.addAll(aboutTask(event, task, true, now)));
            case PULSE_OPENED, PULSE_REMINDER -> {
                if (pulses.isOpen(event.roundId())) {
                    boolean opened = event.kind() == NudgeKind.PULSE_OPENED;
                    written.addAll(toPod(
                            event,
                            zone -> opened
                                    ? messages.pulseOpened(event.team(), event.roundId(), event.dueAt(), zone)
                                    : messages.pulseReminder(event.team(), event.roundId(), event.dueAt(), zone),
                            // the opening goes to the channel too; the reminder only to each member
                            opened,
                            now));
                }
            }
            case LOOP_CLOSED, LOOP_ESCALATED ->
                written.addAll(toPod(
                        event,
                        zone -> messages.loopEnded(event.team(), event.kind() == NudgeKind.LOOP_ESCALATED),
                        true,
                        now));
        }
        // one nudge per channel and recipient and event, even if a reminder finds two open tasks
        Set<String> seen = new LinkedHashSet<>();
        written.stream()
                .filter(nudge -> seen.add(nudge.channel() + " " + nudge.recipient()))
                .forEach(nudges::add);
        return seen.size();
    }

    /** Whether what the event asks is still asked: its task open, its round open (a loop's end stays news). */
    @Transactional(readOnly = true)
    public boolean stillAsked(UUID eventId) {
        return events.find(eventId)
                .map(event -> switch (event.kind()) {
                    case TASK_CREATED -> tasks.notice(event.taskId()).isPresent();
                    case TASK_REMINDER -> !tasks.openTasksOfLoop(event.loopId()).isEmpty();
                    case PULSE_OPENED, PULSE_REMINDER -> pulses.isOpen(event.roundId());
                    case LOOP_CLOSED, LOOP_ESCALATED -> true;
                })
                .orElse(false);
    }

    private List<Nudges.Nudge> aboutTask(
            NudgeEvents.NudgeEvent event, PodTasks.TaskNotice task, boolean reminder, Instant now) {
        Set<String> recipients = new LinkedHashSet<>();
        if (task.assignee() != null) {
            recipients.add(task.assignee());
        } else {
            task.candidateGroups().forEach(group -> recipients.addAll(directory.membersOf(group)));
        }
        String pod = Groups.pod(event.team());
        String why = task.assignee() != null
                ? "You get this because the task is assigned to you."
                : task.candidateGroups().contains(pod)
                        ? "You get this because you are in the pod of team " + event.team() + "."
                        : "You get this because the task is offered to " + String.join(", ", task.candidateGroups())
                                + ".";
        List<Nudges.Nudge> written = new ArrayList<>();
        recipients.forEach(user -> written.add(mail(
                event,
                user,
                messages.task(task, reminder, people.preferences(user).zone()),
                why,
                now)));
        if (task.candidateGroups().contains(pod)) {
            written.addAll(chat(event, messages.task(task, reminder, people.chatZone()), now));
        }
        return written;
    }

    private interface Compose {
        NudgeMessages.Message in(ZoneId zone);
    }

    private List<Nudges.Nudge> toPod(NudgeEvents.NudgeEvent event, Compose compose, boolean toChannel, Instant now) {
        String why = "You get this because you are in the pod of team " + event.team() + ".";
        List<Nudges.Nudge> written = new ArrayList<>();
        directory
                .membersOf(Groups.pod(event.team()))
                .forEach(user -> written.add(
                        mail(event, user, compose.in(people.preferences(user).zone()), why, now)));
        if (toChannel) {
            written.addAll(chat(event, compose.in(people.chatZone()), now));
        }
        return written;
    }

    private Nudges.Nudge mail(
            NudgeEvents.NudgeEvent event, String user, NudgeMessages.Message message, String why, Instant now) {
        String name = directory.person(user).map(Directory.Person::firstName).orElse(user);
        return nudge(event, Channel.EMAIL, user, message.subject(), messages.mail(name, message, why), message, now);
    }

    private List<Nudges.Nudge> chat(NudgeEvents.NudgeEvent event, NudgeMessages.Message message, Instant now) {
        ChatWebhooks.TeamChat chat = webhooks.of(event.team());
        List<Nudges.Nudge> written = new ArrayList<>();
        for (Channel channel : List.of(Channel.SLACK, Channel.TEAMS)) {
            if (chat.of(channel) != null) {
                written.add(nudge(event, channel, event.team(), message.subject(), message.text(), message, now));
            }
        }
        return written;
    }

    private static Nudges.Nudge nudge(
            NudgeEvents.NudgeEvent event,
            Channel channel,
            String recipient,
            String subject,
            String body,
            NudgeMessages.Message message,
            Instant now) {
        return new Nudges.Nudge(
                UUID.randomUUID(),
                event.id(),
                event.kind(),
                channel,
                recipient,
                event.team(),
                event.loopId(),
                subject,
                body,
                message.link(),
                NudgeStatus.PENDING,
                0,
                now,
                // the event's time: what happened first is told first, and is dated as it happened
                event.createdAt(),
                null);
    }
}
