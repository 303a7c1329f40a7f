package org.podloop.worksignal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One work item's status and assignment over time, rebuilt from its changelog as back-to-back segments
 * from creation on (the last one still open). It owns the reconstruction and the questions the metrics ask
 * of it, so that each definition in {@link WorkMetrics} reads as one sentence. Changes dated before the
 * item's creation (clock skew) count from its creation.
 */
record Timeline(WorkItem item, List<StatusSegment> statuses, List<OwnerSegment> owners) {

    private static final int NOBODY = -1;

    /** A status from {@code start} to {@code end} (null: still in it). */
    record StatusSegment(Instant start, Instant end, String status, StatusKind kind) {}

    /** Who was assigned from {@code start} to {@code end}: a person number within this item, or nobody. */
    record OwnerSegment(Instant start, Instant end, int person) {}

    static Timeline of(WorkItem item, StatusMapping mapping) {
        List<StatusSegment> statuses = new ArrayList<>();
        Instant start = item.created();
        String status = item.createdStatus();
        for (StatusChange change : item.statuses()) {
            Instant at = later(change.at(), start);
            statuses.add(new StatusSegment(start, at, status, mapping.kindOf(status, null)));
            start = at;
            status = change.to();
        }
        statuses.add(new StatusSegment(start, null, status, mapping.kindOf(status, null)));

        List<OwnerSegment> owners = new ArrayList<>();
        start = item.created();
        int people = 0;
        int last = item.assignedAtCreation() ? people++ : NOBODY;
        int current = last;
        for (AssigneeChange change : item.assignees()) {
            Instant at = later(change.at(), start);
            owners.add(new OwnerSegment(start, at, current));
            start = at;
            if (!change.toSomeone()) {
                current = NOBODY;
            } else {
                if (change.changedPerson() || last == NOBODY) {
                    last = people++;
                }
                current = last;
            }
        }
        owners.add(new OwnerSegment(start, null, current));
        return new Timeline(item, List.copyOf(statuses), List.copyOf(owners));
    }

    /** Milliseconds spent in statuses of this kind within the period. */
    long millisIn(StatusKind kind, WorkMetrics.Period period) {
        return statuses.stream()
                .filter(segment -> segment.kind() == kind)
                .mapToLong(segment -> period.overlap(segment.start(), segment.end()))
                .sum();
    }

    /** Whether the item spent time within the period in progress, waiting or awaiting a decision. */
    boolean activeIn(WorkMetrics.Period period) {
        return millisIn(StatusKind.IN_PROGRESS, period) > 0
                || millisIn(StatusKind.WAITING, period) > 0
                || millisIn(StatusKind.DECISION, period) > 0;
    }

    /** Whether all in-progress time within the period had one and the same person assigned. */
    boolean oneOwnerWhileInProgress(WorkMetrics.Period period) {
        Set<Integer> people = new HashSet<>();
        for (StatusSegment segment : statuses) {
            if (segment.kind() != StatusKind.IN_PROGRESS || period.overlap(segment.start(), segment.end()) == 0) {
                continue;
            }
            WorkMetrics.Period inProgress = new WorkMetrics.Period(
                    later(segment.start(), period.from()),
                    segment.end() == null || segment.end().isAfter(period.to()) ? period.to() : segment.end());
            for (OwnerSegment owner : owners) {
                if (inProgress.overlap(owner.start(), owner.end()) > 0) {
                    people.add(owner.person());
                }
            }
        }
        return people.size() == 1 && !people.contains(NOBODY);
    }

    /** The kind of the status the item was in just before this instant (changes at it not yet made). */
    StatusKind kindBefore(Instant instant) {
        StatusKind kind = statuses.get(0).kind();
        for (StatusSegment segment : statuses) {
            if (segment.start().isBefore(instant)) {
                kind = segment.kind();
            }
        }
        return kind;
    }

    /** Whether the item entered a done status within the period (being created done counts). */
    boolean enteredDoneIn(WorkMetrics.Period period) {
        if (statuses.get(0).kind() == StatusKind.DONE
                && period.contains(statuses.get(0).start())) {
            return true;
        }
        for (int i = 1; i < statuses.size(); i++) {
            if (statuses.get(i).kind() == StatusKind.DONE
                    && statuses.get(i - 1).kind() != StatusKind.DONE
                    && period.contains(statuses.get(i).start())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the item left a done status for one that is not done within the period. */
    boolean leftDoneIn(WorkMetrics.Period period) {
        for (int i = 1; i < statuses.size(); i++) {
            if (statuses.get(i - 1).kind() == StatusKind.DONE
                    && statuses.get(i).kind() != StatusKind.DONE
                    && period.contains(statuses.get(i).start())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lengths in milliseconds of the item's decision spells (back-to-back decision statuses count as one
     * spell) that ended within the period, whenever they began.
     */
    List<Long> decisionSpellsEndedIn(WorkMetrics.Period period) {
        List<Long> spells = new ArrayList<>();
        Instant began = null;
        for (StatusSegment segment : statuses) {
            if (segment.kind() == StatusKind.DECISION) {
                if (began == null) {
                    began = segment.start();
                }
            } else if (began != null) {
                if (period.contains(segment.start())) {
                    spells.add(segment.start().toEpochMilli() - began.toEpochMilli());
                }
                began = null;
            }
        }
        return spells;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
