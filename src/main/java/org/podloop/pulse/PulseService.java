package org.podloop.pulse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.podloop.common.ConflictException;
import org.podloop.common.ForbiddenException;
import org.podloop.common.InvalidInputException;
import org.podloop.common.NotFoundException;
import org.podloop.identity.Directory;
import org.podloop.identity.Groups;
import org.podloop.identity.TeamScope;
import org.podloop.intake.SnapshotIntake;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Metric;
import org.podloop.rules.MetricCatalogue;
import org.podloop.signal.MetricValue;
import org.podloop.signal.NewSnapshot;
import org.podloop.signal.SignalService;
import org.podloop.signal.SurveyAnswers;
import org.podloop.signal.SurveyTotals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pulse module's public face: opening rounds, taking answers, closing. An answer lives only in
 * {@link #answer}: it is checked, scored into per-metric totals and added to the round's aggregates in the
 * transaction that records that its author answered; nothing else of it is kept.
 */
@Service
public class PulseService {

    /** The longest a round may be open: a measurement, not a standing poll. */
    private static final Duration LONGEST_ROUND = Duration.ofDays(90);

    private final PulseRounds rounds;
    private final PulseEngine engine;
    private final SnapshotIntake intake;
    private final SignalService signals;
    private final ActiveRuleset rules;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration openFor;

    PulseService(
            PulseRounds rounds,
            PulseEngine engine,
            SnapshotIntake intake,
            SignalService signals,
            ActiveRuleset rules,
            Directory directory,
            ApplicationEventPublisher events,
            Clock clock,
            PulseProperties properties) {
        this.rounds = rounds;
        this.engine = engine;
        this.intake = intake;
        this.signals = signals;
        this.rules = rules;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.openFor = properties.openFor();
    }

    /**
     * Opens a round for the team's pod as it is now (its size is fixed as the number invited): the survey
     * {@code metrics} (null or empty: every survey metric of the catalogue) until {@code closesAt} (null:
     * {@code podloop.pulse.open-for} from now). A team has at most one open round.
     */
    @Transactional
    public PulseRoundView open(String team, List<String> metrics, Instant closesAt, String openedBy) {
        if (!signals.teamExists(team)) {
            throw new NotFoundException("no team '" + team + "'");
        }
        Instant now = clock.instant();
        Map<String, Integer> asked = askable(metrics);
        Instant deadline = deadline(closesAt, now);
        int invited = directory.membersOf(Groups.pod(team)).size();
        if (invited == 0) {
            throw new ConflictException("team '" + team + "' has no pod members to ask");
        }
        if (rounds.hasOpenRound(team)) {
            throw openAlready(team);
        }
        UUID id = UUID.randomUUID();
        PulseRound round = new PulseRound(
                id, team, List.copyOf(asked.keySet()), invited, now, deadline, PulseRound.State.OPEN, null, null, null);
        try {
            rounds.insert(round, asked);
        } catch (DataIntegrityViolationException raced) {
            throw openAlready(team);
        }
        rounds.processStarted(id, engine.start(id, deadline));
        events.publishEvent(new PulseRoundOpened(id, team, round.metrics(), invited, deadline, openedBy));
        return view(round, 0);
    }

    /** The current caller's answers to an open round of one of her pods; once, and final. */
    @Transactional
    public MyPulseRound answer(UUID roundId, Map<String, List<Double>> answers) {
        String user = directory.currentUser();
        PulseRound round = rounds.find(roundId).orElseThrow(() -> noRound(roundId));
        if (user == null || !directory.groupsOf(user).contains(Groups.pod(round.team()))) {
            throw new ForbiddenException(
                    "round " + roundId + " asks the pod of team '" + round.team() + "', and you are not in it");
        }
        Map<String, SurveyTotals> contribution = score(round, answers);
        PulseRound locked = rounds.lock(roundId).orElseThrow(() -> noRound(roundId));
        if (!locked.isOpen()) {
            throw new ConflictException("round " + roundId + " is closed; it takes no more answers");
        }
        if (rounds.hasAnswered(roundId, user)) {
            throw new ConflictException("you have answered round " + roundId + " already; an answer is final");
        }
        int answered = rounds.answered(roundId);
        if (answered >= locked.invited()) {
            throw new ConflictException("round " + roundId + " has all its " + locked.invited() + " answers");
        }
        Map<String, Integer> maxPoints = rounds.maxPoints(roundId);
        contribution.forEach((metric, totals) -> {
            if (!maxPoints.get(metric).equals(totals.maxPoints())) {
                throw new ConflictException("the items of '" + metric + "' changed since round " + roundId
                        + " opened; it can no longer be answered");
            }
        });
        rounds.recordAnswer(roundId, user, contribution);
        answered++;
        if (answered == locked.invited()) {
            engine.completed(roundId);
        }
        return mine(locked, answered, true);
    }

    /** The open rounds of the current caller's pods. */
    @Transactional(readOnly = true)
    public List<MyPulseRound> mine() {
        String user = directory.currentUser();
        if (user == null) {
            return List.of();
        }
        Set<String> teams = directory.groupsOf(user).stream()
                .map(Groups::teamOfPod)
                .filter(team -> team != null)
                .collect(Collectors.toSet());
        return rounds.openRoundsOf(teams).stream()
                .map(round -> mine(round, rounds.answered(round.id()), rounds.hasAnswered(round.id(), user)))
                .toList();
    }

    /** The round as the current caller may answer it: open, and asking one of her pods; else empty. */
    @Transactional(readOnly = true)
    public Optional<MyPulseRound> mine(UUID roundId) {
        String user = directory.currentUser();
        return rounds.find(roundId)
                .filter(PulseRound::isOpen)
                .filter(round -> user != null && directory.groupsOf(user).contains(Groups.pod(round.team())))
                .map(round -> mine(round, rounds.answered(roundId), rounds.hasAnswered(roundId, user)));
    }

    /** A round's status for whoever may read its team's data; aggregates only once it is closed. */
    @Transactional(readOnly = true)
    public PulseRoundView round(UUID roundId) {
        PulseRoundView round = status(roundId);
        if (!TeamScope.ofCurrentCaller().includes(round.team())) {
            throw new ForbiddenException(
                    "round " + roundId + " belongs to team '" + round.team() + "', and you are not in its pod");
        }
        return round;
    }

    /** Whether the round is still open to answers (for a nudge about to go out). */
    @Transactional(readOnly = true)
    public boolean isOpen(UUID roundId) {
        return rounds.find(roundId).filter(PulseRound::isOpen).isPresent();
    }

    /** A round's status, for Podloop itself (no caller to check). */
    @Transactional(readOnly = true)
    PulseRoundView status(UUID roundId) {
        PulseRound round = rounds.find(roundId).orElseThrow(() -> noRound(roundId));
        return view(round, rounds.answered(roundId));
    }

    /**
     * Closes the round with what it has: one snapshot {@code pulse-{id}} through the same intake as a posted
     * one (validation, privacy minimum, classification, loop, audit). Closing a closed round does nothing.
     */
    @Transactional
    public void close(UUID roundId) {
        PulseRound round = rounds.lock(roundId).orElseThrow(() -> noRound(roundId));
        if (!round.isOpen()) {
            return;
        }
        int respondents = rounds.answered(roundId);
        Instant now = clock.instant();
        UUID snapshotId = respondents == 0
                ? null
                : intake.receive(
                                round.team(),
                                NewSnapshot.ofTotals("pulse-" + roundId, now, respondents, rounds.totals(roundId)))
                        .snapshotId();
        rounds.closed(roundId, now, snapshotId);
        events.publishEvent(new PulseRoundClosed(roundId, round.team(), round.invited(), respondents, snapshotId));
    }

    /** Notes that the members were reminded and tells the pod (the nudges go out after this commits). */
    @Transactional
    public void remind(UUID roundId) {
        PulseRound round = rounds.find(roundId).orElseThrow(() -> noRound(roundId));
        if (!round.isOpen()) {
            return;
        }
        rounds.reminded(roundId, clock.instant());
        events.publishEvent(new PulseReminderDue(roundId, round.team(), round.closesAt()));
    }

    /** The asked metrics with their scale's points, in catalogue order; refuses what has no survey. */
    private Map<String, Integer> askable(List<String> metrics) {
        MetricCatalogue catalogue = rules.metrics();
        Map<String, Integer> asked = new LinkedHashMap<>();
        if (metrics == null || metrics.isEmpty()) {
            catalogue.all().stream()
                    .filter(metric -> metric.survey() != null)
                    .forEach(metric -> asked.put(metric.key(), SurveyTotals.maxPoints(metric.survey())));
            return asked;
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            String key = metrics.get(i);
            String field = "metrics[" + i + "]";
            Metric metric = surveyMetric(catalogue, field, key);
            if (named.contains(key)) {
                throw new InvalidInputException(field, "'" + key + "' is named twice");
            }
            named.add(key);
        }
        catalogue.all().stream()
                .filter(metric -> named.contains(metric.key()))
                .forEach(metric -> asked.put(metric.key(), SurveyTotals.maxPoints(metric.survey())));
        return asked;
    }

    private Instant deadline(Instant closesAt, Instant now) {
        if (closesAt == null) {
            return now.plus(openFor);
        }
        if (!closesAt.isAfter(now)) {
            throw new InvalidInputException("closesAt", "must lie in the future");
        }
        if (closesAt.isAfter(now.plus(LONGEST_ROUND))) {
            throw new InvalidInputException("closesAt", "must lie within " + LONGEST_ROUND.toDays() + " days");
        }
        return closesAt;
    }

    /** Checks every answer against the round and the catalogue and scores it; the answers go no further. */
    private Map<String, SurveyTotals> score(PulseRound round, Map<String, List<Double>> answers) {
        if (answers == null || answers.isEmpty()) {
            throw new InvalidInputException("answers", "needs the answers to at least one metric of the round");
        }
        MetricCatalogue catalogue = rules.metrics();
        Map<String, SurveyTotals> contribution = new LinkedHashMap<>();
        answers.forEach((key, items) -> {
            String field = "answers." + key;
            Metric metric = surveyMetric(catalogue, field, key);
            if (!round.metrics().contains(key)) {
                throw new InvalidInputException(
                        field, "this round does not ask '" + key + "'; it asks " + String.join(", ", round.metrics()));
            }
            SurveyAnswers.check(field, metric.survey(), items);
            contribution.put(key, SurveyTotals.ofRespondent(metric.survey(), items));
        });
        return contribution;
    }

    private static Metric surveyMetric(MetricCatalogue catalogue, String field, String key) {
        Metric metric = catalogue
                .find(key)
                .orElseThrow(
                        () -> new InvalidInputException(field, "unknown metric '" + key + "' (see GET /api/metrics)"));
        if (metric.survey() == null) {
            throw new InvalidInputException(field, "'" + key + "' has no survey items to ask");
        }
        return metric;
    }

    private PulseRoundView view(PulseRound round, int answered) {
        Map<String, MetricValue> aggregates = round.isOpen() || round.snapshotId() == null
                ? null
                : signals.snapshot(round.snapshotId()).metrics();
        return new PulseRoundView(
                round.id(),
                round.team(),
                round.metrics(),
                round.state().name(),
                round.invited(),
                answered,
                progress(answered, round.invited()),
                round.openedAt(),
                round.closesAt(),
                round.remindedAt(),
                round.closedAt(),
                round.snapshotId(),
                aggregates);
    }

    private static MyPulseRound mine(PulseRound round, int answered, boolean answeredByMe) {
        return new MyPulseRound(
                round.id(),
                round.team(),
                round.metrics(),
                round.invited(),
                answered,
                progress(answered, round.invited()),
                round.closesAt(),
                answeredByMe);
    }

    private static String progress(int answered, int invited) {
        return answered + " of " + invited + " answered";
    }

    private static NotFoundException noRound(UUID roundId) {
        return new NotFoundException("no pulse round " + roundId);
    }

    private static ConflictException openAlready(String team) {
        return new ConflictException(
                "team '" + team + "' has an open pulse round already; it closes before another opens");
    }
}
