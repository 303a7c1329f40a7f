package org.podloop.signal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.podloop.common.ConflictException;
import org.podloop.common.InvalidInputException;
import org.podloop.common.NotFoundException;
import org.podloop.common.Paging;
import org.podloop.common.TextInput;
import org.podloop.identity.Directory;
import org.podloop.identity.Groups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signal module's public face: teams and their snapshots. */
@Service
public class SignalService {

    private static final Pattern TEAM_KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    // the widths of their columns (teams.name; Camunda's user ids)
    private static final int MAX_TEAM_NAME = 200;
    private static final int MAX_USER_ID = 64;

    private final Teams teams;
    private final Snapshots snapshots;
    private final SnapshotMeasurement measurement;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignalService(
            Teams teams,
            Snapshots snapshots,
            SnapshotMeasurement measurement,
            Directory directory,
            ApplicationEventPublisher events,
            Clock clock) {
        this.teams = teams;
        this.snapshots = snapshots;
        this.measurement = measurement;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
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

    /** Every team's key and name, by key: one query, where {@link #teams()} asks the directory once per team. */
    @Transactional(readOnly = true)
    public List<TeamName> teamNames() {
        return teams.findAllByOrderByKeyAsc().stream()
                .map(team -> new TeamName(team.key(), team.name()))
                .toList();
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
        Map<String, MetricValue> values = measurement.measure(request);
        String hash = SnapshotMeasurement.contentHash(request, values);
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

    /** The privacy minimum: a survey metric from fewer respondents is stored suppressed, without a value. */
    public int privacyMinimum() {
        return measurement.minRespondents();
    }

    /** Why {@code value} cannot be a value of {@code metric}, or empty when it can. */
    public Optional<String> problemWith(String metric, Double value) {
        return measurement.problemWith(metric, value);
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

    /** The team's snapshots measured in [{@code from}, {@code to}), oldest first. */
    @Transactional(readOnly = true)
    public List<SnapshotView> between(String teamKey, Instant from, Instant to) {
        return snapshots.ofTeamBetween(teamKey, from, to).stream()
                .map(Snapshot::view)
                .toList();
    }

    /** The team's {@code limit} snapshots measured before {@code before}, newest first: what trends are read from. */
    @Transactional(readOnly = true)
    public List<SnapshotView> history(String teamKey, Instant before, int limit) {
        return snapshots.ofTeamBefore(teamKey, before, PageRequest.of(0, limit)).stream()
                .map(Snapshot::view)
                .toList();
    }

    private TeamView view(Team team) {
        String pod = Groups.pod(team.key());
        return new TeamView(team.key(), team.name(), pod, directory.membersOf(pod));
    }
}
