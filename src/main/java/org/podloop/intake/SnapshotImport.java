package org.podloop.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.podloop.classification.ClassificationService;
import org.podloop.common.BodyTooLargeException;
import org.podloop.common.ConflictException;
import org.podloop.common.UnitOfWork;
import org.podloop.signal.NewSnapshot;
import org.podloop.signal.RecordOutcome;
import org.podloop.signal.SignalService;
import org.podloop.signal.SnapshotView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of snapshot history from CSV in long format, one metric value per line:
 * {@code team,externalId,measuredAt,respondents,metric,value}. The lines of one snapshot are
 * consecutive. The file is read as a stream and written in batches inside one transaction: either
 * every snapshot is stored (or found unchanged) and classified, or — if any line is bad — nothing is.
 * Imported snapshots are history: they are classified (for trends and back-tests) but start no loop.
 */
@Service
public class SnapshotImport {

    static final List<String> COLUMNS = List.of("team", "externalId", "measuredAt", "respondents", "metric", "value");
    static final int MAX_LISTED_ERRORS = 1000;
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotImport.class);

    private final SignalService signals;
    private final ClassificationService classification;
    private final UnitOfWork unitOfWork;
    private final TransactionTemplate transaction;
    private final ImportLeases leases;

    SnapshotImport(
            SignalService signals,
            ClassificationService classification,
            UnitOfWork unitOfWork,
            TransactionTemplate transaction,
            ImportLeases leases) {
        this.signals = signals;
        this.classification = classification;
        this.unitOfWork = unitOfWork;
        this.transaction = transaction;
        this.leases = leases;
    }

    /**
     * Imports the file or throws {@link ImportRejectedException} listing every bad line, or
     * {@link ConflictException} when another import of one of its teams is running or won a race; nothing
     * is stored then.
     */
    public ImportResult importCsv(InputStream csv) {
        Run run = new Run();
        try {
            return transaction.execute(status -> {
                // Lookups of one file never need its unflushed rows: repeats inside the file are caught by Run.seen.
                unitOfWork.writeInBatches();
                run.read(csv);
                ImportResult result = run.result();
                if (result.errorCount() > 0) {
                    throw new ImportRejectedException(result);
                }
                return result;
            });
        } catch (DataIntegrityViolationException | ConcurrencyFailureException lostRace) {
            // Unlike a posted snapshot (SnapshotIntake), the streamed file cannot be read again for a retry here.
            throw new ConflictException("a concurrent import of the same snapshots won; nothing of this file was"
                    + " stored; send it again to see its result");
        } finally {
            releaseLeases(run);
        }
    }

    /** A failed release must not hide why the import ended; the lease then lapses on its own. */
    private void releaseLeases(Run run) {
        try {
            leases.release(run.leased);
        } catch (RuntimeException e) {
            LOG.warn(
                    "could not release the import leases of {}; they lapse after {}",
                    run.leased,
                    ImportLeases.ABANDONED_AFTER,
                    e);
        }
    }

    /** One snapshot being assembled from its consecutive lines. */
    private record Group(
            String team,
            String externalId,
            Instant measuredAt,
            int respondents,
            long firstLine,
            Map<String, Double> signals) {}

    private final class Run {

        private final List<ImportResult.LineError> errors = new ArrayList<>();
        private final Map<String, Long> seen = new HashMap<>();
        private final Set<String> knownTeams = new HashSet<>();
        private final Set<String> leased = new HashSet<>();
        private final List<Group> batch = new ArrayList<>();
        private int errorCount;
        private int created;
        private int unchanged;
        private int rejected;
        private Group current;
        private boolean currentBad;

        void read(InputStream csv) {
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .setIgnoreEmptyLines(true)
                    .get();
            CSVParser parser = null;
            try {
                parser = CSVParser.parse(new Utf8Lines(csv), format);
                if (!parser.getHeaderNames().equals(COLUMNS)) {
                    error(
                            1,
                            "the header must be " + String.join(",", COLUMNS) + ", is "
                                    + String.join(",", parser.getHeaderNames()));
                    return;
                }
                for (CSVRecord record : parser) {
                    line(record, parser.getCurrentLineNumber());
                }
            } catch (IOException | UncheckedIOException e) {
                Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
                if (cause instanceof BodyTooLargeException) {
                    throw e instanceof UncheckedIOException unchecked
                            ? unchecked
                            : new UncheckedIOException((IOException) e);
                }
                if (cause instanceof Utf8Lines.NotUtf8Exception notUtf8) {
                    error(notUtf8.line(), notUtf8.getMessage());
                    return;
                }
                error(parser == null ? 1 : parser.getCurrentLineNumber(), "not valid CSV: " + cause.getMessage());
                return;
            }
            close();
            store();
        }

        private void line(CSVRecord record, long line) {
            if (record.size() != COLUMNS.size()) {
                error(line, "expected " + COLUMNS.size() + " values, found " + record.size());
                return;
            }
            String team = record.get(0);
            String externalId = record.get(1);
            String key = team + '\u0000' + externalId;
            if (current == null || !key.equals(current.team() + '\u0000' + current.externalId())) {
                close();
                Long firstSeen = seen.putIfAbsent(key, line);
                if (firstSeen != null) {
                    error(
                            line,
                            "the lines of snapshot '" + externalId + "' of team '" + team
                                    + "' must be consecutive (it started on line " + firstSeen + ")");
                    current = null;
                    return;
                }
                current = open(record, line);
                if (current == null) {
                    return;
                }
            } else if (!sameInstant(record.get(2), current.measuredAt())
                    || !record.get(3).equals(String.valueOf(current.respondents()))) {
                bad(line, "measuredAt and respondents must be the same on every line of snapshot '" + externalId + "'");
                return;
            }
            String metric = record.get(4);
            Double value;
            try {
                value = Double.valueOf(record.get(5));
            } catch (NumberFormatException e) {
                bad(line, "value: '" + record.get(5) + "' is not a number");
                return;
            }
            var problem = signals.problemWith(metric, value);
            if (problem.isPresent()) {
                bad(line, metric + ": " + problem.get());
            } else if (current.signals().putIfAbsent(metric, value) != null) {
                bad(line, metric + ": appears twice in snapshot '" + externalId + "'");
            }
        }

        private Group open(CSVRecord record, long line) {
            currentBad = false;
            String team = record.get(0);
            if (team.isEmpty() || !(knownTeams.contains(team) || signals.teamExists(team) && knownTeams.add(team))) {
                bad(line, "team: unknown team '" + team + "'");
                return new Group(team, record.get(1), Instant.EPOCH, 1, line, new LinkedHashMap<>());
            }
            if (!leased.contains(team)) {
                leases.take(team);
                leased.add(team);
            }
            if (record.get(1).isEmpty()) {
                bad(line, "externalId: is required");
            }
            Instant measuredAt = Instant.EPOCH;
            try {
                measuredAt = Instant.parse(record.get(2));
            } catch (DateTimeParseException e) {
                bad(
                        line,
                        "measuredAt: '" + record.get(2) + "' is not an ISO-8601 instant such as 2026-11-02T09:00:00Z");
            }
            int respondents = 1;
            try {
                respondents = Integer.parseInt(record.get(3));
                if (respondents < 1) {
                    bad(line, "respondents: must be at least 1");
                }
            } catch (NumberFormatException e) {
                bad(line, "respondents: '" + record.get(3) + "' is not a whole number");
            }
            return new Group(team, record.get(1), measuredAt, respondents, line, new LinkedHashMap<>());
        }

        private boolean sameInstant(String text, Instant instant) {
            try {
                return Instant.parse(text).equals(instant);
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        private void close() {
            if (current == null) {
                return;
            }
            if (currentBad) {
                rejected++;
            } else {
                batch.add(current);
                if (batch.size() == BATCH) {
                    store();
                }
            }
            current = null;
        }

        /** Writes the batch team by team, classifies what is new, and frees the memory it took. */
        private void store() {
            Map<String, List<Group>> byTeam = new LinkedHashMap<>();
            batch.forEach(group -> byTeam.computeIfAbsent(group.team(), team -> new ArrayList<>())
                    .add(group));
            byTeam.forEach((team, groups) -> {
                List<RecordOutcome> outcomes = signals.recordAll(
                        team,
                        groups.stream()
                                .map(group -> new NewSnapshot(
                                        group.externalId(), group.measuredAt(), group.respondents(), group.signals()))
                                .toList());
                List<SnapshotView> recorded = new ArrayList<>();
                for (int i = 0; i < groups.size(); i++) {
                    RecordOutcome outcome = outcomes.get(i);
                    if (outcome.refused() != null) {
                        error(groups.get(i).firstLine(), outcome.refused().getMessage());
                        rejected++;
                    } else if (outcome.recorded().created()) {
                        recorded.add(outcome.recorded().snapshot());
                        created++;
                    } else {
                        unchanged++;
                    }
                }
                classification.classifyAll(team, recorded);
            });
            batch.clear();
            unitOfWork.flushAndForget();
            leases.renew(leased);
        }

        private void bad(long line, String reason) {
            currentBad = true;
            error(line, reason);
        }

        private void error(long line, String reason) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(new ImportResult.LineError(line, reason));
            }
        }

        ImportResult result() {
            return new ImportResult(created, unchanged, rejected, errorCount, List.copyOf(errors));
        }
    }
}
