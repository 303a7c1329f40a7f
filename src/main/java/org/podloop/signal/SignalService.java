package org.podloop.signal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.podloop.common.ConflictException;
import org.podloop.common.InvalidInputException;
import org.podloop.common.NotFoundException;
import org.podloop.common.Sha256;
import org.podloop.identity.Directory;
import org.podloop.identity.Groups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signal module's public face: teams and their snapshots. */
@Service
public class SignalService {

    private static final Pattern TEAM_KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_EXTERNAL_ID = 200;

    private final Teams teams;
    private final Snapshots snapshots;
    private final MetricCatalogue catalogue;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignalService(Teams teams, Snapshots snapshots, MetricCatalogue catalogue, Directory directory,
                  ApplicationEventPublisher events, Clock clock) {
        this.teams = teams;
        this.snapshots = snapshots;
        this.catalogue = catalogue;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public TeamView createTeam(NewTeam request) {
        if (request.key() == null || !TEAM_KEY.matcher(request.key()).matches()) {
            throw new InvalidInputException("key", "must be 2–40 characters of a-z, 0-9 and '-', starting with a letter");
        }
        if (request.name() == null || request.name().isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        List<String> members = request.members() == null ? List.of() : request.members();
        for (int i = 0; i < members.size(); i++) {
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
        return teams.findById(key).map(this::view)
                .orElseThrow(() -> new NotFoundException("no team '" + key + "'"));
    }

    /**
     * Validates and stores a snapshot. Posting the same {@code externalId} with the same content again
     * stores nothing and returns the stored snapshot; with other content it is a conflict.
     */
    @Transactional
    public RecordedSnapshot record(String teamKey, NewSnapshot request) {
        if (!teams.existsById(teamKey)) {
            throw new InvalidInputException("team", "unknown team '" + teamKey + "'");
        }
        validate(request);
        String hash = contentHash(request);
        var existing = snapshots.findByTeamKeyAndExternalId(teamKey, request.externalId());
        if (existing.isPresent()) {
            if (!existing.get().contentHash().equals(hash)) {
                throw new ConflictException("snapshot '" + request.externalId() + "' of team '" + teamKey
                        + "' was recorded with other content; use a new externalId for a new measurement");
            }
            return new RecordedSnapshot(existing.get().view(), false);
        }
        Snapshot stored = snapshots.saveAndFlush(new Snapshot(teamKey, request.externalId(), request.measuredAt(),
                request.respondents(), request.signals(), hash, clock.instant()));
        events.publishEvent(new SnapshotRecorded(stored.view().id(), teamKey, request.externalId()));
        return new RecordedSnapshot(stored.view(), true);
    }

    @Transactional(readOnly = true)
    public SnapshotView snapshot(UUID id) {
        return snapshots.findById(id).map(Snapshot::view)
                .orElseThrow(() -> new NotFoundException("no snapshot " + id));
    }

    private void validate(NewSnapshot request) {
        if (request.externalId() == null || request.externalId().isBlank()) {
            throw new InvalidInputException("externalId", "is required");
        }
        if (request.externalId().length() > MAX_EXTERNAL_ID) {
            throw new InvalidInputException("externalId", "must be at most " + MAX_EXTERNAL_ID + " characters");
        }
        if (request.measuredAt() == null) {
            throw new InvalidInputException("measuredAt", "is required (ISO-8601, e.g. 2026-11-02T09:00:00Z)");
        }
        if (request.measuredAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidInputException("measuredAt", "lies in the future");
        }
        if (request.respondents() == null || request.respondents() < 1) {
            throw new InvalidInputException("respondents", "must be at least 1");
        }
        if (request.signals() == null || request.signals().isEmpty()) {
            throw new InvalidInputException("signals", "must hold at least one metric");
        }
        request.signals().forEach((key, value) -> {
            String field = "signals." + key;
            Metric metric = catalogue.find(key)
                    .orElseThrow(() -> new InvalidInputException(field, "unknown metric (see GET /api/metrics)"));
            if (value == null || !Double.isFinite(value)) {
                throw new InvalidInputException(field, "must be a finite number");
            }
            if (!metric.accepts(value)) {
                throw new InvalidInputException(field, value + " is outside the scale " + metric.min() + "–" + metric.max());
            }
        });
    }

    private static String contentHash(NewSnapshot request) {
        StringBuilder canonical = new StringBuilder()
                .append(request.measuredAt()).append('|').append(request.respondents());
        new TreeMap<>(request.signals()).forEach((k, v) -> canonical.append('|').append(k).append('=').append(v));
        return Sha256.hex(digest -> digest.update(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private TeamView view(Team team) {
        String pod = Groups.pod(team.key());
        return new TeamView(team.key(), team.name(), pod, directory.membersOf(pod));
    }
}
