package org.podloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.podloop.identity.Directory;
import org.podloop.pulse.PulseService;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Nudges end to end, against a real SMTP server and a local webhook receiver: who gets what in a
 * loop's first iteration, quiet hours, pause, mail off, the weekly cap (tasks first), an SMTP server down
 * and back, a rolled-back step, and two nodes delivering at once.
 */
class NudgeDeliveryTest extends ApiTest {

    private static final String RUN_SPEAK_UP = "Run “Speak-up round in every planning and retro” with team ";

    private static NudgeFixture fixture;

    @Autowired
    private Directory directory;

    @Autowired
    private NudgeDispatcher dispatcher;

    @Autowired
    private PulseService pulses;

    @Autowired
    private Nudges nudges;

    @Autowired
    private NudgeEvents events;

    @Autowired
    private NudgeFanOut fanOut;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ManagementService management;

    private String m1;
    private String m2;
    private String m3;
    private String noAddress;

    @BeforeAll
    static void servers() {
        fixture = new NudgeFixture();
    }

    @AfterAll
    static void stopServers() {
        fixture.close();
    }

    /** Members of the test's own, with addresses at a test domain (and one without an address). */
    @Override
    protected String[] teamMembers() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        m1 = "mia" + tag;
        m2 = "max" + tag;
        m3 = "mo" + tag;
        noAddress = "nia" + tag;
        for (String member : List.of(m1, m2, m3)) {
            directory.ensureUser(member, "Name" + member, "Test", PodloopClient.PASSWORD, member + "@nudges.test");
        }
        directory.ensureUser(noAddress, "Nia", "Test", PodloopClient.PASSWORD);
        return new String[] {m1, m2, m3, noAddress};
    }

    /** Delivers what other tests left in the outbox, so that what arrives from here on is this test's. */
    @BeforeEach
    void emptyOutbox() {
        deliverAll(Instant.now());
        fixture.forget();
        fixture.hooksAnswer(0);
    }

    /** The tests deliver at instants of their choosing; the next one starts with the lease free. */
    @AfterEach
    void freeTheLease() {
        jdbc.update("update nudge_dispatch_lease set holder = null, held_until = null");
    }

    private void deliverAll(Instant at) {
        for (int run = 0; run < 50; run++) {
            int finished = dispatcher.dispatch(at);
            Integer waiting =
                    jdbc.queryForObject("select count(*) from nudge_events where fanned_out_at is null", Integer.class);
            if (finished == 0 && waiting == 0) {
                return;
            }
        }
    }

    private void deliver() {
        dispatcher.dispatch(Instant.now());
    }

    private static String address(String user) {
        return user + "@nudges.test";
    }

    private void chatOnSlackAndTeams() {
        var set = client.send(
                "demo",
                "PUT",
                "/api/teams/" + team + "/chat-webhooks",
                Map.of(
                        "slack",
                        fixture.hookUrl("/" + team + "/slack"),
                        "teams",
                        fixture.hookUrl("/" + team + "/teams")));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().path("slack").asText()).isEqualTo("http://127.0.0.1/…");
    }

    private String openPulse() {
        var opened = client.post(m1, "/api/teams/" + team + "/pulses", Map.of());
        assertThat(opened.status()).isEqualTo(201);
        return opened.body().path("id").asText();
    }

    private List<String> subjectsTo(String user) {
        return fixture.mailsTo(address(user)).stream()
                .map(NudgeFixture.Mail::subject)
                .toList();
    }

    private List<String> statusesOf(String user) {
        return jdbc.queryForList(
                "select status from nudges where recipient = ? and channel = 'EMAIL' order by created_at, priority",
                String.class,
                user);
    }

    private int nudgesSentAudited() {
        return jdbc.queryForObject(
                "select count(*) from audit_entries where kind = 'NUDGE_SENT' and team = ?", Integer.class, team);
    }

    @Test
    void aLoopsFirstIterationTellsThePodAndGovernanceWhatIsAskedOfThemAndNobodyElse() {
        chatOnSlackAndTeams();
        String governor = "gov" + UUID.randomUUID().toString().substring(0, 6);
        directory.ensureUser(governor, "Grace", "Test", PodloopClient.PASSWORD, address(governor));
        directory.ensureMembership(governor, "governance");
        String pod = "pod-" + team;

        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        deliver();
        String choose = client.loopTask(m1, pod, loopId, "Task_ChooseIntervention")
                .get("id")
                .asText();
        client.complete(m1, choose, Map.of("interventionId", "speak-up-round"));
        deliver();
        String run = client.loopTask(m1, pod, loopId, "Task_RunIntervention")
                .get("id")
                .asText();
        client.complete(m1, run, Map.of("outcomeNotes", "done"));
        deliver();
        client.postSnapshot(team, "remeasure", Map.of("psychological_safety", 66.0));
        deliver();
        String decide = client.loopTask(governor, "governance", loopId, "Task_Decide")
                .get("id")
                .asText();
        client.complete(governor, decide, Map.of("decision", "CLOSE", "rationale", "Verified reduction"));
        deliver();

        // each member: the two tasks and the loop's re-measurement pulse; the loop's end is the fourth
        // nudge of the week, so it waits on her start page (the weekly cap of 3)
        for (String member : List.of(m1, m2, m3)) {
            assertThat(subjectsTo(member))
                    .containsExactly(
                            "Choose an intervention for team " + team,
                            RUN_SPEAK_UP + team,
                            "Pulse for team " + team + ": how is it going?");
            assertThat(statusesOf(member)).containsExactly("SENT", "SENT", "SENT", "WEEKLY_LIMIT");
        }
        NudgeFixture.Mail first = fixture.mailsTo(address(m1)).get(0);
        assertThat(first.text())
                .startsWith("Hello Name" + m1 + ",")
                .contains("http://localhost:8080/tasks/" + choose)
                .contains("Due: ")
                .contains("you are in the pod of team " + team)
                .contains("http://localhost:8080/notifications");
        assertThat(fixture.mailsTo(address(m1)).get(1).text()).contains("/tasks/" + run);
        assertThat(fixture.mailsTo(address(m1)).get(2).text())
                .contains("/pulse/")
                .doesNotContainPattern("\\d+ of \\d+");
        // governance: the decision only; a member without an address gets none (it waits on her start page)
        assertThat(subjectsTo(governor)).containsExactly("Decide on the loop of team " + team);
        assertThat(fixture.mailsTo(address(governor)).get(0).text()).contains("/tasks/" + decide);
        assertThat(statusesOf(noAddress)).containsOnly("NO_ADDRESS").hasSize(4);
        // nobody else hears of this team's loop
        assertThat(fixture.mails())
                .filteredOn(mail -> mail.subject().contains(team))
                .extracting(NudgeFixture.Mail::to)
                .allMatch(to -> List.of(address(m1), address(m2), address(m3), address(governor), "gina@example.org")
                        .contains(to));

        // the team's channels: the pod's tasks, its pulse and the loop's end; never governance's task
        for (String hook : List.of("/" + team + "/slack", "/" + team + "/teams")) {
            assertThat(fixture.hooks(hook)).hasSize(4);
        }
        List<String> slack = fixture.hooks("/" + team + "/slack").stream()
                .map(h -> h.body().path("text").asText())
                .toList();
        assertThat(slack.get(0))
                .startsWith("*Choose an intervention for team " + team + "*")
                .contains("/tasks/" + choose);
        assertThat(slack.get(3))
                .startsWith("*Team " + team + "'s loop is closed*")
                .contains("/teams/" + team);
        var card = fixture.hooks("/" + team + "/teams").get(2).body();
        assertThat(card.path("type").asText()).isEqualTo("message");
        assertThat(card.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.at("/attachments/0/content/body/0/text").asText())
                .isEqualTo("Pulse for team " + team + ": how is it going?");
        assertThat(card.at("/attachments/0/content/actions/0/url").asText()).contains("/pulse/");

        // every nudge sent is in the audit: 3 members × 3, the governor's, 4 + 4 channel messages (gina's, if sent,
        // too)
        assertThat(nudgesSentAudited()).isBetween(18, 19);
        assertThat(jdbc.queryForList(
                        "select content from audit_entries where kind = 'NUDGE_SENT' and team = ?", String.class, team))
                .allMatch(content -> content.contains("\"recipients\":1"))
                .noneMatch(content -> content.contains("@"));
    }

    @Test
    void aReminderTimerTellsThoseTheOpenTaskIsOfferedTo() {
        chatOnSlackAndTeams();
        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        deliver();
        String iteration = client.loopTask(m1, "pod-" + team, loopId, "Task_ChooseIntervention")
                .get("processInstanceId")
                .asText();
        String reminder = management
                .createJobQuery()
                .processInstanceId(iteration)
                .activityId("Event_ChooseReminder")
                .singleResult()
                .getId();
        management.executeJob(reminder);
        deliver();
        for (String member : List.of(m1, m2, m3)) {
            assertThat(subjectsTo(member))
                    .containsExactly(
                            "Choose an intervention for team " + team,
                            "Reminder: Choose an intervention for team " + team);
        }
        assertThat(fixture.mailsTo(address(m1)).get(1).text()).contains("Reminder: this is still open.");
        assertThat(fixture.hooks("/" + team + "/slack")).hasSize(2);
    }

    @Test
    void quietHoursDelayAMailPauseAndMailOffKeepItOnTheStartPage() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30);
        LocalTime from = now.minus(Duration.ofHours(1)).atZone(ZoneOffset.UTC).toLocalTime();
        LocalTime to = now.plus(Duration.ofHours(1)).atZone(ZoneOffset.UTC).toLocalTime();
        put(m1, Map.of("timeZone", "UTC", "quietHours", Map.of("from", hhmm(from), "to", hhmm(to))));
        put(m2, Map.of("email", false));
        put(
                m3,
                Map.of(
                        "pausedUntil",
                        now.plus(Duration.ofDays(3))
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate()
                                .toString()));
        openPulse();

        dispatcher.dispatch(now);
        dispatcher.dispatch(now.plus(Duration.ofMinutes(50)));
        assertThat(fixture.mails())
                .filteredOn(mail -> mail.subject().contains(team))
                .isEmpty();
        assertThat(statusesOf(m1)).containsExactly("PENDING");
        assertThat(statusesOf(m2)).containsExactly("EMAIL_OFF");
        assertThat(statusesOf(m3)).containsExactly("PAUSED");

        dispatcher.dispatch(now.plus(Duration.ofMinutes(61)));
        assertThat(subjectsTo(m1)).containsExactly("Pulse for team " + team + ": how is it going?");
        assertThat(subjectsTo(m2)).isEmpty();
        assertThat(subjectsTo(m3)).isEmpty();
    }

    @Test
    void aMailThatWaitedForATaskSinceDoneIsNotSent() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30);
        LocalTime from = now.minus(Duration.ofHours(1)).atZone(ZoneOffset.UTC).toLocalTime();
        LocalTime to = now.plus(Duration.ofHours(1)).atZone(ZoneOffset.UTC).toLocalTime();
        put(m1, Map.of("timeZone", "UTC", "quietHours", Map.of("from", hhmm(from), "to", hhmm(to))));
        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        dispatcher.dispatch(now);
        assertThat(subjectsTo(m2)).containsExactly("Choose an intervention for team " + team);
        String choose = client.loopTask(m2, "pod-" + team, loopId, "Task_ChooseIntervention")
                .get("id")
                .asText();
        client.complete(m2, choose, Map.of("interventionId", "speak-up-round"));

        dispatcher.dispatch(now.plus(Duration.ofMinutes(61)));
        // her quiet hours over: the choice was made meanwhile, so only the task still open reaches her
        assertThat(subjectsTo(m1)).containsExactly(RUN_SPEAK_UP + team);
        assertThat(statusesOf(m1)).containsExactly("OUTDATED", "SENT");
    }

    @Test
    void theWeeklyCapSendsTasksFirst() {
        String round = openPulse();
        pulses.remind(UUID.fromString(round));
        // m1 is in a second team's pod too: two tasks, after her own team's pulse and its reminder
        String second = "s" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.createTeam(second, m1).status()).isEqualTo(201);
        client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0));
        client.postSnapshot(second, "baseline", Map.of("psychological_safety", 38.0));

        // four nudges at once, the pulse's two first: the two tasks and the older pulse nudge go, the reminder waits
        deliver();
        assertThat(subjectsTo(m1))
                .containsExactlyInAnyOrder(
                        "Choose an intervention for team " + team,
                        "Choose an intervention for team " + second,
                        "Pulse for team " + team + ": how is it going?");
        assertThat(jdbc.queryForList(
                        "select kind from nudges where recipient = ? and status = 'WEEKLY_LIMIT'", String.class, m1))
                .containsExactly("PULSE_REMINDER");
        // the others had three: everything went
        assertThat(subjectsTo(m2)).hasSize(3);
        // the reminder went to every member alike, so it tells nobody who has answered
        assertThat(jdbc.queryForObject(
                        "select count(*) from nudges where kind = 'PULSE_REMINDER' and team_key = ? and channel = 'EMAIL'",
                        Integer.class,
                        team))
                .isEqualTo(4);
    }

    @Test
    void mailsAndChatMessagesThatFailWhileTheServersAreDownGoOutOnceWhenTheyAreBack() {
        chatOnSlackAndTeams();
        Instant now = Instant.now();
        fixture.stopSmtp();
        fixture.hooksAnswer(503);
        try {
            openPulse();
            dispatcher.dispatch(now);
            dispatcher.dispatch(now.plusSeconds(10)); // before the first retry is due
            assertThat(jdbc.queryForList(
                            "select attempts from nudges where team_key = ? and status = 'PENDING'",
                            Integer.class,
                            team))
                    .hasSize(5)
                    .containsOnly(1);
        } finally {
            fixture.startSmtp();
            fixture.hooksAnswer(0);
        }
        dispatcher.dispatch(now.plus(Duration.ofMinutes(1)));
        dispatcher.dispatch(now.plus(Duration.ofMinutes(5)));
        dispatcher.dispatch(now.plus(Duration.ofHours(3)));
        for (String member : List.of(m1, m2, m3)) {
            assertThat(subjectsTo(member)).containsExactly("Pulse for team " + team + ": how is it going?");
        }
        assertThat(fixture.hooks("/" + team + "/slack")).hasSize(1);
        assertThat(fixture.hooks("/" + team + "/teams")).hasSize(1);
        assertThat(nudgesSentAudited()).isEqualTo(5);
    }

    @Test
    void aStepThatRollsBackSendsNothing() {
        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        String pod = "pod-" + team;
        client.complete(
                m1,
                client.loopTask(m1, pod, loopId, "Task_ChooseIntervention")
                        .get("id")
                        .asText(),
                Map.of("interventionId", "speak-up-round"));
        deliverAll(Instant.now());
        fixture.forget();
        String run = client.loopTask(m1, pod, loopId, "Task_RunIntervention")
                .get("id")
                .asText();
        // completing the run opens the re-measurement round (its nudge is written), then fails at the flush
        jdbc.execute("create trigger nudge_test_fail_wait after insert on ACT_RU_EVENT_SUBSCR for each row call '"
                + FailingInsert.class.getName() + "'");
        try {
            FailingInsert.armed = true;
            var refused = client.complete(m1, run, Map.of("outcomeNotes", "done"));
            assertThat(refused.status()).isGreaterThanOrEqualTo(400);
        } finally {
            FailingInsert.armed = false;
            jdbc.execute("drop trigger nudge_test_fail_wait");
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from nudge_events where team_key = ? and kind = 'PULSE_OPENED'",
                        Integer.class,
                        team))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from pulse_rounds where team_key = ?", Integer.class, team))
                .isZero();
        deliverAll(Instant.now());
        assertThat(fixture.mails())
                .filteredOn(mail -> mail.subject().contains(team))
                .isEmpty();

        // the same step again, committed: now the pod hears of its pulse
        assertThat(client.complete(m1, run, Map.of("outcomeNotes", "done")).status())
                .isLessThan(300);
        deliver();
        assertThat(subjectsTo(m1)).containsExactly("Pulse for team " + team + ": how is it going?");
    }

    @Test
    void twoNodesDeliveringAtOnceSendEachNudgeOnceAndTheSurvivorTakesOverADeadNodesWork() throws Exception {
        chatOnSlackAndTeams();
        NudgeDispatcher other = context.getAutowireCapableBeanFactory().createBean(NudgeDispatcher.class);
        openPulse();
        Instant now = Instant.now();
        CompletableFuture<?> a = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20; i++) {
                dispatcher.dispatch(now.plusMillis(i));
            }
        });
        CompletableFuture<?> b = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20; i++) {
                other.dispatch(now.plusMillis(i));
            }
        });
        CompletableFuture.allOf(a, b).get();
        for (String member : List.of(m1, m2, m3)) {
            assertThat(subjectsTo(member)).hasSize(1);
        }
        assertThat(fixture.hooks("/" + team + "/slack")).hasSize(1);
        assertThat(fixture.hooks("/" + team + "/teams")).hasSize(1);

        // a node dies holding the lease and a nudge it claimed: after both expire the other node sends it, once
        pulses.remind(UUID.fromString(jdbc.queryForObject(
                "select id from pulse_rounds where team_key = ? and state = 'OPEN'", String.class, team)));
        Instant later = now.plus(Duration.ofMinutes(10));
        events.waiting(500).forEach(event -> fanOut.fanOut(event, later));
        UUID claimed = jdbc.queryForObject(
                "select id from nudges where team_key = ? and kind = 'PULSE_REMINDER' and recipient = ?",
                UUID.class,
                team,
                m1);
        assertThat(nudges.lease("a-node-that-dies", later, later.plus(Duration.ofMinutes(2))))
                .isTrue();
        assertThat(nudges.claim(claimed, "a-node-that-dies", later, later.plus(Duration.ofMinutes(2))))
                .isTrue();
        assertThat(other.dispatch(later.plusSeconds(30))).isZero(); // the dead node's lease still holds
        assertThat(subjectsTo(m2)).hasSize(1);
        other.dispatch(later.plus(Duration.ofMinutes(3)));
        for (String member : List.of(m1, m2, m3)) {
            assertThat(subjectsTo(member))
                    .containsExactly(
                            "Pulse for team " + team + ": how is it going?", "Pulse for team " + team + " closes soon");
        }
        other.release();
    }

    private void put(String user, Map<String, Object> preferences) {
        assertThat(client.send(user, "PUT", "/api/me/notifications", preferences)
                        .status())
                .isEqualTo(200);
    }

    private static String hhmm(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
