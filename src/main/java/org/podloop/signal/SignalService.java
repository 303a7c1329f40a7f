package org.podloop.signal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.podloop.common.ConflictException;
import org.podloop.common.InvalidInputException;
import org.podloop.common.NotFoundException;
import org.podloop.common.Paging;
import org.podloop.common.Sha256;
import org.podloop.common.TextInput;
import org.podloop.identity.Directory;
import org.podloop.identity.Groups;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.Metric;
import org.podloop.rules.MetricCatalogue;
import org.podloop.rules.Survey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signal module's public face: teams and their snapshots. */
@Service
public class SignalService {

    private static final Pattern TEAM_KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Older measurements are typos (a year 20 for 2020) or epoch artefacts, not history. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static final String MEASURED_WINDOW =
            "measurements are accepted from " + EARLIEST + " to 5 minutes from now";
    // the widths of their columns (teams.name, snapshots.external_id; Camunda's user ids)
    private static final int MAX_TEAM_NAME = 200;
    private static final int MAX_EXTERNAL_ID = 200;
    private static final int MAX_USER_ID = 64;

    private final Teams teams;
    private final Snapshots snapshots;
    private final ActiveRuleset rules;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int minRespondents;

    SignalService(
            Teams teams,
            Snapshots snapshots,
            ActiveRuleset rules,
            Directory directory,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${podloop.privacy.min-respondents}") int minRespondents) {
        this.teams = teams;
        this.snapshots = snapshots;
        this.rules = rules;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        if (minRespondents < 1) {
            throw new IllegalArgumentException(
                    "podloop.privacy.min-respondents must be at least 1, is " + minRespondents);
        }
        this.minRespondents = minRespondents;
    }

    @Transactional
    public TeamView createTeam(NewTeam request) {
        if (request.key() == null || !TEAM_KEY.matcher(request.key()).matches()) {
            throw new InvalidInputException(
                    "key", "must be 2–40 characters of a-z, 0-9 and '-', starting with a letter");
        }
        if (request.name() == null || request.name().isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        TextInput.check("name", request.name().strip(), MAX_TEAM_NAME);
        List<String> members = request.members() == null ? List.of() : request.members();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i) != null) {
                TextInput.check("members[" + i + "]", members.get(i), MAX_USER_ID);
            }
            if (members.get(i) == null || !directory.userExists(members.get(i))) {
                throw new InvalidInputException("members[" + i + "]", "unknown user '" + members.get(i) + "'");
            }
        }
        if (teams.existsById(request.key())) {
            throw new ConflictException("team '" + request.key() + "' exists already");
        }
        teams.save(new Team(request.key(), request.name().strip(), clock.instant()));
        directory.ensurePod(request.key(), request.name().strip());
        members.forEach(user -> directory.ensureMembership(user, Groups.pod(request.key())));
        return team(request.key());
    }

    @Transactional(readOnly = true)
    public List<TeamView> teams() {
        return teams.findAllByOrderByKeyAsc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public TeamView team(String key) {
        return teams.findById(key).map(this::view).orElseThrow(() -> new NotFoundException("no team '" + key + "'"));
    }

    /**
     * Validates and stores a snapshot. Posting the same {@code externalId} with the same content again
     * stores nothing and returns the stored snapshot; with other content it is a conflict. Two posts
     * racing with one {@code externalId} meet the database's unique constraint: the loser's transaction
     * fails and a retry finds the winner's snapshot.
     */
    @Transactional
    public RecordedSnapshot record(String teamKey, NewSnapshot request) {
        if (!teamExists(teamKey)) {
            throw new InvalidInputException("team", "unknown team '" + teamKey + "'");
        }
        return record(teamKey, request, snapshots.findByTeamKeyAndExternalId(teamKey, request.externalId()));
    }

    /**
     * Records many snapshots of one team as {@link #record} does each, looking up the stored ones in a
     * single query; every request gets its own outcome, so one refusal does not hide the others.
     */
    @Transactional
    public List<RecordOutcome> recordAll(String teamKey, List<NewSnapshot> requests) {
        if (!teamExists(teamKey)) {
            throw new InvalidInputException("team", "unknown team '" + teamKey + "'");
        }
        Map<String, Snapshot> stored = new java.util.HashMap<>();
        snapshots
                .findByTeamKeyAndExternalIdIn(
                        teamKey, requests.stream().map(NewSnapshot::externalId).toList())
                .forEach(s -> stored.put(s.view().externalId(), s));
        return requests.stream()
                .map(request -> {
                    try {
                        return new RecordOutcome(
                                record(teamKey, request, Optional.ofNullable(stored.get(request.externalId()))), null);
                    } catch (InvalidInputException | ConflictException refused) {
                        return new RecordOutcome(null, refused);
                    }
                })
                .toList();
    }

    private RecordedSnapshot record(String teamKey, NewSnapshot request, Optional<Snapshot> existing) {
        Map<String, MetricValue> values = measure(request);
        String hash = contentHash(request, values);
        if (existing.isPresent()) {
            if (!existing.get().contentHash().equals(hash)) {
                throw new ConflictException("snapshot '" + request.externalId() + "' of team '" + teamKey
                        + "' was recorded with other content; use a new externalId for a new measurement");
            }
            return new RecordedSnapshot(existing.get().view(), false);
        }
        Snapshot stored = snapshots.save(new Snapshot(
                teamKey,
                request.externalId(),
                request.measuredAt(),
                request.respondents(),
                values,
                hash,
                clock.instant()));
        SnapshotView view = stored.view();
        events.publishEvent(new SnapshotRecorded(view));
        return new RecordedSnapshot(view, true);
    }

    public boolean teamExists(String teamKey) {
        return teamKey != null && teams.existsById(teamKey);
    }

    /** Why {@code value} cannot be a value of {@code metric}, or empty when it can. */
    public Optional<String> problemWith(String metric, Double value) {
        return problemWith(rules.metrics(), metric, value);
    }

    private static Optional<String> problemWith(MetricCatalogue catalogue, String metric, Double value) {
        Optional<Metric> known = catalogue.find(metric);
        if (known.isEmpty()) {
            return Optional.of("unknown metric '" + metric + "' (see GET /api/metrics)");
        }
        if (value == null || !Double.isFinite(value)) {
            return Optional.of("must be a finite number");
        }
        if (!known.get().accepts(value)) {
            return Optional.of(value + " is outside the scale " + known.get().min() + "–"
                    + known.get().max());
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public SnapshotView snapshot(UUID id) {
        return snapshots.findById(id).map(Snapshot::view).orElseThrow(() -> new NotFoundException("no snapshot " + id));
    }

    /** A team's snapshots, newest first. */
    @Transactional(readOnly = true)
    public SnapshotPage snapshots(String teamKey, int page, int size) {
        if (!teamExists(teamKey)) {
            throw new NotFoundException("no team '" + teamKey + "'");
        }
        var found = snapshots.findByTeamKeyOrderByMeasuredAtDescIdDesc(teamKey, Paging.of(page, size, Sort.unsorted()));
        return new SnapshotPage(found.map(Snapshot::view).getContent(), page, size, found.getTotalElements());
    }

    /** One page of all teams' snapshots measured in [from, to), oldest first. */
    @Transactional(readOnly = true)
    public List<SnapshotView> snapshotsBetween(Instant from, Instant to, int page, int size) {
        return snapshots
                .findByMeasuredAtGreaterThanEqualAndMeasuredAtLessThanOrderByMeasuredAtAscIdAsc(
                        from, to, PageRequest.of(page, size))
                .stream()
                .map(Snapshot::view)
                .toList();
    }

    /** The team's {@code limit} snapshots measured before {@code before}, newest first: what trends are read from. */
    @Transactional(readOnly = true)
    public List<SnapshotView> history(String teamKey, Instant before, int limit) {
        return snapshots
                .findByTeamKeyAndMeasuredAtBeforeOrderByMeasuredAtDesc(teamKey, before, PageRequest.of(0, limit))
                .stream()
                .map(Snapshot::view)
                .toList();
    }

    /** Validates the request and turns it into one team-level value per metric, suppressing what is too small to be anonymous. */
    private Map<String, MetricValue> measure(NewSnapshot request) {
        if (request.externalId() == null || request.externalId().isBlank()) {
            throw new InvalidInputException("externalId", "is required");
        }
        TextInput.check("externalId", request.externalId(), MAX_EXTERNAL_ID);
        if (request.measuredAt() == null) {
            throw new InvalidInputException("measuredAt", "is required (ISO-8601, e.g. 2026-11-02T09:00:00Z)");
        }
        if (request.measuredAt().isBefore(EARLIEST)) {
            throw new InvalidInputException("measuredAt", "lies before " + EARLIEST + "; " + MEASURED_WINDOW);
        }
        if (request.measuredAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidInputException("measuredAt", "lies in the future; " + MEASURED_WINDOW);
        }
        if (request.respondents() == null || request.respondents() < 1) {
            throw new InvalidInputException("respondents", "must be at least 1");
        }
        if (request.signalsOrEmpty().isEmpty() && request.surveysOrEmpty().isEmpty()) {
            throw new InvalidInputException("signals", "a snapshot needs at least one metric in signals or surveys");
        }
        // one catalogue for the whole snapshot, even if a reload swaps it meanwhile
        MetricCatalogue catalogue = rules.metrics();
        Map<String, MetricValue> values = new TreeMap<>();
        request.signalsOrEmpty().forEach((key, value) -> {
            problemWith(catalogue, key, value).ifPresent(problem -> {
                throw new InvalidInputException("signals." + key, problem);
            });
            Metric metric = catalogue.find(key).orElseThrow();
            values.put(key, protect(metric, MetricValue.measured(value, null, request.respondents())));
        });
        request.surveysOrEmpty().forEach((key, answerSets) -> {
            String field = "surveys." + key;
            Metric metric = catalogue
                    .find(key)
                    .orElseThrow(() ->
                            new InvalidInputException(field, "unknown metric '" + key + "' (see GET /api/metrics)"));
            if (metric.survey() == null) {
                throw new InvalidInputException(field, "has no survey; send its value in signals");
            }
            if (values.containsKey(key)) {
                throw new InvalidInputException(field, "is also given in signals; send one or the other");
            }
            checkAnswers(field, metric.survey(), answerSets, request.respondents());
            values.put(key, protect(metric, SurveyScoring.score(metric.survey(), answerSets)));
        });
        return values;
    }

    private static void checkAnswers(String field, Survey survey, List<List<Double>> answerSets, int respondents) {
        if (answerSets == null || answerSets.isEmpty()) {
            throw new InvalidInputException(field, "needs at least one respondent's answers");
        }
        if (answerSets.size() > respondents) {
            throw new InvalidInputException(
                    field, answerSets.size() + " answer sets but respondents is " + respondents);
        }
        for (int r = 0; r < answerSets.size(); r++) {
            List<Double> answers = answerSets.get(r);
            String set = field + "[" + r + "]";
            if (answers == null || answers.size() != survey.items().size()) {
                throw new InvalidInputException(
                        set,
                        "must hold " + survey.items().size() + " answers, one per item, holds "
                                + (answers == null ? 0 : answers.size()));
            }
            for (int i = 0; i < answers.size(); i++) {
                Double answer = answers.get(i);
                if (answer == null
                        || answer != Math.rint(answer)
                        || answer < survey.scaleMin()
                        || answer > survey.scaleMax()) {
                    throw new InvalidInputException(
                            set + "[" + i + "]",
                            "answer " + answer + " is not a whole number from " + survey.scaleMin() + " to "
                                    + survey.scaleMax());
                }
            }
        }
    }

    /** Survey metrics from fewer respondents than the privacy minimum are stored without a value. */
    private MetricValue protect(Metric metric, MetricValue value) {
        return metric.survey() != null && value.respondents() < minRespondents ? MetricValue.suppressedValue() : value;
    }

    /**
     * The identity of a snapshot's content, over the aggregates only: a fingerprint of the raw answers
     * of a small team could be matched against guesses, so raw answers never reach the hash.
     */
    private static String contentHash(NewSnapshot request, Map<String, MetricValue> values) {
        StringBuilder canonical =
                new StringBuilder().append(request.measuredAt()).append('|').append(request.respondents());
        values.forEach((k, v) -> canonical
                .append('|')
                .append(k)
                .append('=')
                .append(v.mean())
                .append('/')
                .append(v.sd())
                .append('/')
                .append(v.respondents())
                .append('/')
                .append(v.isSuppressed()));
        request.surveysOrEmpty().keySet().stream()
                .sorted()
                .forEach(k -> canonical.append("|survey:").append(k));
        return Sha256.hex(digest -> digest.update(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private TeamView view(Team team) {
        String pod = Groups.pod(team.key());
        return new TeamView(team.key(), team.name(), pod, directory.membersOf(pod));
    }
}
