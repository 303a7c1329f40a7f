package org.podloop.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.podloop.common.InvalidInputException;
import org.podloop.common.NotFoundException;
import org.podloop.identity.Directory;
import org.podloop.signal.SignalService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The notification module's public face: a person's nudges and preferences, a team's chat webhooks. */
@Service
public class NudgeService {

    /** A nudge as the start page lists it: what, when, where it points, and what became of its mail. */
    public record RecentNudge(String subject, String link, Instant at, String delivery) {

        private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern(
                        "d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);

        /** The time as a page shows it before its script puts it in the reader's zone. */
        public String when() {
            return UTC.format(at);
        }
    }

    /** A person's preferences as {@code /api/me/notifications} shows them, with this week's count. */
    public record PreferencesView(
            boolean email,
            String timeZone,
            QuietHours quietHours,
            LocalDate pausedUntil,
            String mailAddress,
            int mailsThisWeek,
            int weeklyLimit) {}

    /** Quiet hours as written: {@code "22:00"} to {@code "07:30"}. */
    public record QuietHours(String from, String to) {}

    /**
     * What a person sends to change her preferences; every field optional, a missing one is its default.
     * What GET adds (her address, this week's count, the limit) may come back and is ignored.
     */
    @JsonIgnoreProperties({"mailAddress", "mailsThisWeek", "weeklyLimit"})
    public record PreferencesUpdate(Boolean email, String timeZone, QuietHours quietHours, String pausedUntil) {}

    /** A team's chat webhooks as the API shows them: whether set, and the host only (the rest is a secret). */
    public record ChatView(String team, String slack, String teams) {}

    /** The webhooks an administrator sets; null or absent removes one. */
    public record ChatUpdate(String slack, String teams) {}

    private static final Duration RECENT = Duration.ofDays(14);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final int LONGEST_PAUSE_DAYS = 366;

    private final Nudges nudges;
    private final NotificationPreferences preferences;
    private final NudgePeople people;
    private final ChatWebhooks webhooks;
    private final MailChannel mail;
    private final Directory directory;
    private final SignalService signals;
    private final NudgeProperties properties;
    private final Clock clock;

    NudgeService(
            Nudges nudges,
            NotificationPreferences preferences,
            NudgePeople people,
            ChatWebhooks webhooks,
            MailChannel mail,
            Directory directory,
            SignalService signals,
            NudgeProperties properties,
            Clock clock) {
        this.nudges = nudges;
        this.preferences = preferences;
        this.people = people;
        this.webhooks = webhooks;
        this.mail = mail;
        this.directory = directory;
        this.signals = signals;
        this.properties = properties;
        this.clock = clock;
    }

    /** The signed-in person's nudges of the last two weeks, newest first. */
    @Transactional(readOnly = true)
    public List<RecentNudge> mine(int limit) {
        String user = directory.currentUser();
        if (user == null) {
            return List.of();
        }
        return nudges.recentFor(user, clock.instant().minus(RECENT), limit).stream()
                .map(nudge -> new RecentNudge(nudge.subject(), page(nudge.link()), nudge.createdAt(), delivery(nudge)))
                .toList();
    }

    @Transactional(readOnly = true)
    public PreferencesView myPreferences() {
        String user = requireUser();
        Preferences mine = people.preferences(user);
        return new PreferencesView(
                mine.email(),
                mine.zone().getId(),
                mine.hasQuietHours()
                        ? new QuietHours(
                                mine.quietFrom().toString(), mine.quietTo().toString())
                        : null,
                mine.pausedUntil(),
                directory.person(user).map(Directory.Person::email).orElse(null),
                nudges.mailsSentSince(user, clock.instant().minus(WEEK)),
                properties.maxPerPersonPerWeek());
    }

    /** Replaces the signed-in person's preferences; bad input is refused naming the field and stores nothing. */
    @Transactional
    public PreferencesView updateMyPreferences(PreferencesUpdate update) {
        String user = requireUser();
        PreferencesUpdate given = update == null ? new PreferencesUpdate(null, null, null, null) : update;
        ZoneId zone = zone(given.timeZone());
        LocalTime from = null;
        LocalTime to = null;
        if (given.quietHours() != null) {
            from = time("quietHours.from", given.quietHours().from());
            to = time("quietHours.to", given.quietHours().to());
            if (from.equals(to)) {
                throw new InvalidInputException(
                        "quietHours.to", "must differ from the start (from); leave the quiet hours out for none");
            }
        }
        LocalDate paused = pausedUntil(given.pausedUntil(), zone);
        preferences.save(
                user, new Preferences(given.email() == null || given.email(), zone, from, to, paused), clock.instant());
        return myPreferences();
    }

    @Transactional(readOnly = true)
    public ChatView chat(String team) {
        requireTeam(team);
        ChatWebhooks.TeamChat chat = webhooks.of(team);
        return new ChatView(team, shown(chat.slack()), shown(chat.teams()));
    }

    @Transactional
    public ChatView setChat(String team, ChatUpdate update) {
        requireTeam(team);
        ChatUpdate given = update == null ? new ChatUpdate(null, null) : update;
        webhooks.save(
                team,
                new ChatWebhooks.TeamChat(webhook("slack", given.slack()), webhook("teams", given.teams())),
                clock.instant());
        return chat(team);
    }

    /** Whether a mail server is configured (else nudges stay in the outbox and on the start page). */
    public boolean mailConfigured() {
        return mail.configured();
    }

    /** The page a nudge points to, on this server: the path of its link (mails carry the public address). */
    private static String page(String link) {
        try {
            URI uri = new URI(link);
            return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    private String delivery(Nudges.Nudge nudge) {
        return switch (nudge.status()) {
            case PENDING, SENDING ->
                nudge.attempts() > 0
                        ? "mail to be retried"
                        : nudge.nextAttemptAt().isAfter(clock.instant())
                                ? "mail waits for your quiet hours to end"
                                : "mail on its way";
            case SENT -> "mailed";
            case KEPT -> "shown here only (no mail server configured)";
            case NO_ADDRESS -> "shown here only (no mail address on your account)";
            case EMAIL_OFF -> "shown here only (you turned mail off)";
            case PAUSED -> "shown here only (you paused nudges)";
            case WEEKLY_LIMIT -> "shown here only (you had " + properties.maxPerPersonPerWeek() + " mails this week)";
            case OUTDATED -> "no longer needed";
            case FAILED -> "mail failed";
        };
    }

    private String requireUser() {
        String user = directory.currentUser();
        if (user == null) {
            throw new InvalidInputException("user", "preferences belong to a signed-in person");
        }
        return user;
    }

    private void requireTeam(String team) {
        if (!signals.teamExists(team)) {
            throw new NotFoundException("no team '" + team + "'");
        }
    }

    private ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            return people.defaultZone();
        }
        String name = text.strip();
        // named zones only (as the page lists them), not offsets such as +05:00, which know no summer time
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw new InvalidInputException(
                    "timeZone", "is not a known time zone; use a name such as Europe/Berlin or America/New_York");
        }
        return ZoneId.of(name);
    }

    private static LocalTime time(String field, String text) {
        if (text == null) {
            throw new InvalidInputException(
                    field, "is required with quiet hours: a start and an end such as 22:00 and 07:00");
        }
        try {
            if (!text.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:mm", text, 0);
            }
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a time of day as HH:mm, such as 22:00");
        }
    }

    private LocalDate pausedUntil(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("pausedUntil", "must be a date as YYYY-MM-DD, such as 2027-01-04");
        }
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (date.isBefore(today) || date.isAfter(today.plusDays(LONGEST_PAUSE_DAYS))) {
            throw new InvalidInputException(
                    "pausedUntil", "must lie between today and a year ahead (leave it out for no pause)");
        }
        return date;
    }

    private static URI webhook(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw new URISyntaxException(text, "not an http(s) address with a host");
            }
            if (uri.toString().length() > 1000) {
                throw new URISyntaxException(text, "too long");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException(
                    field,
                    "must be the webhook's http(s) address (at most 1000 characters),"
                            + " as the chat service gave it");
        }
    }

    /** The host only: the path of an incoming webhook is its secret. */
    private static String shown(URI uri) {
        return uri == null ? null : uri.getScheme() + "://" + uri.getHost() + "/…";
    }
}
