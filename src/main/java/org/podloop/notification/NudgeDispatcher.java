package org.podloop.notification;

import jakarta.annotation.PreDestroy;
import jakarta.mail.SendFailedException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.podloop.identity.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailSendException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox on every node, one node at a time (the delivery lease): fans out new events, then
 * sends what is due, tasks first. Each nudge is claimed before it is sent and finished after, so it goes
 * out once; a failed send is retried with a doubling wait, and one a dead node held is taken over when
 * its hold expires (then, if that node had sent it just before dying, it goes out a second time: a mail
 * server cannot take part in our transaction). Quiet hours delay a mail; mail off, a pause or the weekly
 * cap keep it on the start page only.
 */
@Component
class NudgeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NudgeDispatcher.class);
    private static final int BATCH = 200;
    private static final Duration WEEK = Duration.ofDays(7);

    private final NudgeEvents events;
    private final Nudges nudges;
    private final NudgeFanOut fanOut;
    private final NudgePeople people;
    private final ChatWebhooks webhooks;
    private final MailChannel mail;
    private final WebhookChannel chat;
    private final Directory directory;
    private final NudgeProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher published;
    private final Clock clock;
    private final String node;

    NudgeDispatcher(
            NudgeEvents events,
            Nudges nudges,
            NudgeFanOut fanOut,
            NudgePeople people,
            ChatWebhooks webhooks,
            MailChannel mail,
            WebhookChannel chat,
            Directory directory,
            NudgeProperties properties,
            TransactionTemplate transactions,
            ApplicationEventPublisher published,
            Clock clock) {
        this.events = events;
        this.nudges = nudges;
        this.fanOut = fanOut;
        this.people = people;
        this.webhooks = webhooks;
        this.mail = mail;
        this.chat = chat;
        this.directory = directory;
        this.properties = properties;
        this.transactions = transactions;
        this.published = published;
        this.clock = clock;
        String process = ManagementFactory.getRuntimeMXBean().getName();
        // at most 100 characters, as the lease and the claims keep it
        this.node = (process.length() > 60 ? process.substring(0, 60) : process) + "/" + UUID.randomUUID();
    }

    @Scheduled(
            fixedDelayString = "${podloop.nudges.dispatch-every:PT15S}",
            initialDelayString = "${podloop.nudges.dispatch-every:PT15S}")
    void dispatchOnSchedule() {
        try {
            dispatch(clock.instant());
        } catch (RuntimeException failed) {
            // the next run tries again; nothing is lost, the outbox keeps it all
            log.warn("nudges: this delivery run failed and is tried again at the next", failed);
        }
    }

    /** One run at {@code now}: how many nudges it finished (sent, kept or skipped); 0 without the lease. */
    int dispatch(Instant at) {
        // as the database keeps it: a nudge due "now" must not round to a microsecond after it
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        if (!nudges.lease(node, now, now.plus(properties.holdFor()))) {
            return 0;
        }
        for (NudgeEvents.NudgeEvent event : events.waiting(BATCH)) {
            try {
                fanOut.fanOut(event, now);
            } catch (RuntimeException failed) {
                // stays waiting: the next run tries it again
                log.warn("nudges: could not fan out {} for team '{}' yet", event.kind(), event.team(), failed);
            }
        }
        int finished = 0;
        Instant runStarted = clock.instant();
        for (Nudges.Nudge nudge : nudges.due(now, BATCH)) {
            // the run's own time moves on as sending takes it: each claim, and the lease, hold from then on
            Duration elapsed = Duration.between(runStarted, clock.instant());
            if (elapsed.compareTo(properties.holdFor().dividedBy(2)) > 0) {
                break; // the rest at the next run, while this node's hold on the lease is still good
            }
            Instant current = now.plus(elapsed).truncatedTo(ChronoUnit.MICROS);
            Instant holdUntil = current.plus(properties.holdFor());
            if (!nudges.lease(node, current, holdUntil)) {
                break;
            }
            if (nudges.claim(nudge.id(), node, current, holdUntil)) {
                finished += deliver(nudge, current) ? 1 : 0;
            }
        }
        return finished;
    }

    /** Lets the lease go at shutdown, so another node delivers at once. */
    @PreDestroy
    void release() {
        nudges.release(node);
    }

    private boolean deliver(Nudges.Nudge nudge, Instant now) {
        if (nudge.attempts() >= properties.maxAttempts()) {
            return nudges.finish(nudge.id(), node, NudgeStatus.FAILED, now, "no attempts left");
        }
        if (!fanOut.stillAsked(nudge.eventId())) {
            // a mail that waited (quiet hours, retries) for a task since done or a round since closed
            return nudges.finish(nudge.id(), node, NudgeStatus.OUTDATED, now, null);
        }
        // where it goes, looked up once: her mail address, or the team's webhook for the channel
        String address = null;
        URI webhook = null;
        if (nudge.channel() == Channel.EMAIL) {
            address = directory
                    .person(nudge.recipient())
                    .map(Directory.Person::email)
                    .orElse(null);
            Optional<NudgeStatus> held = mailHeldBack(nudge, address, now);
            if (held.isPresent()) {
                return held.get() != NudgeStatus.PENDING && nudges.finish(nudge.id(), node, held.get(), now, null);
            }
        } else {
            webhook = webhooks.of(nudge.team()).of(nudge.channel());
            if (webhook == null) {
                return nudges.finish(nudge.id(), node, NudgeStatus.KEPT, now, "the team's webhook was removed");
            }
        }
        try {
            if (address != null) {
                mail.send(address, nudge.subject(), nudge.body());
            } else {
                chat.send(nudge.channel(), webhook, nudge.subject(), nudge.body(), nudge.link());
            }
        } catch (MailSendException failed) {
            if (addressRefused(failed)) {
                log.warn("nudges: the mail server refused the address of a member of team '{}' for good", nudge.team());
                return nudges.finish(nudge.id(), node, NudgeStatus.FAILED, now, "the mail server refused the address");
            }
            return retryLater(nudge, now, failed);
        } catch (WebhookChannel.Refused refused) {
            log.warn(
                    "nudges: {} for team '{}' refused for good: {}",
                    nudge.channel(),
                    nudge.team(),
                    refused.getMessage());
            return nudges.finish(nudge.id(), node, NudgeStatus.FAILED, now, refused.getMessage());
        } catch (RuntimeException failed) {
            return retryLater(nudge, now, failed);
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean mine = nudges.finish(nudge.id(), node, NudgeStatus.SENT, clock.instant(), null);
            if (mine) {
                published.publishEvent(
                        new NudgeSent(nudge.id(), nudge.kind(), nudge.channel(), 1, nudge.team(), nudge.loopId()));
            }
            return mine;
        }));
    }

    /**
     * Why a mail does not go now: delayed to the end of her quiet hours (PENDING, after moving it on), or
     * kept for the start page with the reason; empty when it may go.
     */
    private Optional<NudgeStatus> mailHeldBack(Nudges.Nudge nudge, String address, Instant now) {
        if (!mail.configured()) {
            return Optional.of(NudgeStatus.KEPT);
        }
        if (address == null) {
            return Optional.of(NudgeStatus.NO_ADDRESS);
        }
        Preferences preferences = people.preferences(nudge.recipient());
        if (!preferences.email()) {
            return Optional.of(NudgeStatus.EMAIL_OFF);
        }
        if (preferences.pausedAt(now)) {
            return Optional.of(NudgeStatus.PAUSED);
        }
        Optional<Instant> quietUntil = preferences.quietUntil(now);
        if (quietUntil.isPresent()) {
            nudges.later(nudge.id(), node, quietUntil.get(), false, null);
            return Optional.of(NudgeStatus.PENDING);
        }
        if (nudges.mailsSentSince(nudge.recipient(), now.minus(WEEK)) >= properties.maxPerPersonPerWeek()) {
            return Optional.of(NudgeStatus.WEEKLY_LIMIT);
        }
        return Optional.empty();
    }

    private boolean retryLater(Nudges.Nudge nudge, Instant now, RuntimeException failed) {
        int attempt = nudge.attempts() + 1;
        String reason = reason(failed);
        if (attempt >= properties.maxAttempts()) {
            log.warn(
                    "nudges: {} for team '{}' failed {} times; giving up: {}",
                    nudge.channel(),
                    nudge.team(),
                    attempt,
                    reason);
            return nudges.finish(nudge.id(), node, NudgeStatus.FAILED, now, reason);
        }
        Duration wait = backOff(attempt);
        log.info(
                "nudges: {} for team '{}' failed (attempt {}), next in {}: {}",
                nudge.channel(),
                nudge.team(),
                attempt,
                wait,
                reason);
        nudges.later(nudge.id(), node, now.plus(wait), true, reason);
        return false;
    }

    /** A recipient refused by the server (a 5xx to RCPT TO): trying again cannot help. */
    private static boolean addressRefused(MailSendException failed) {
        return failed.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
    }

    /**
     * Why a send failed, for the log and the row: the innermost cause's class and message with any mail
     * address masked (a mail server's reply repeats the address it refused).
     */
    static String reason(Throwable failed) {
        Throwable cause = failed;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        String masked = ADDRESS.matcher(text).replaceAll("‹address›");
        return masked.length() > 480 ? masked.substring(0, 480) : masked;
    }

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:]+@[^\\s<>\"',;:]+");

    /** The first wait, doubled per failed attempt, at most the longest. */
    Duration backOff(int attempt) {
        Duration wait = properties.retryFirst();
        for (int i = 1; i < attempt && wait.compareTo(properties.retryLongest()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.retryLongest()) > 0 ? properties.retryLongest() : wait;
    }
}
