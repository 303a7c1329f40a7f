package org.podloop.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The result of a verification: intact with the chain's length, or the first entry found broken and why.
 * It says what it rests on: the entries it re-hashed now ({@code verifiedNow}), the checkpoint of earlier
 * checks it continued from (entries up to it are not re-hashed by an incremental check), and the last full
 * re-verification, the only kind that re-hashes every entry.
 */
public record ChainCheck(
        boolean intact,
        long entries,
        Long firstBrokenEntryId,
        String problem,
        Mode mode,
        Instant checkedAt,
        Range verifiedNow,
        Checkpoint checkpoint,
        FullRun lastFullVerification) {

    /** In words, which entries were verified when: for the governance page. */
    public String coverage() {
        StringBuilder text = new StringBuilder();
        if (checkpoint != null) {
            text.append("Entries up to #")
                    .append(checkpoint.entryId())
                    .append(" (")
                    .append(checkpoint.entries())
                    .append(") verified by earlier checks, the last at ")
                    .append(seconds(checkpoint.verifiedAt()))
                    .append("; ");
        }
        if (verifiedNow != null && verifiedNow.entries() > 0) {
            text.append("#")
                    .append(verifiedNow.fromEntryId())
                    .append("–#")
                    .append(verifiedNow.toEntryId())
                    .append(" (")
                    .append(verifiedNow.entries())
                    .append(") re-hashed now, ");
        } else {
            text.append("no newer entries, checked ");
        }
        text.append("at ").append(seconds(checkedAt)).append(". ");
        if (lastFullVerification == null) {
            text.append("No full re-verification yet.");
        } else {
            text.append("Last full re-verification: ")
                    .append(seconds(lastFullVerification.finishedAt()))
                    .append(", ")
                    .append(lastFullVerification.entries())
                    .append(" entries")
                    .append(lastFullVerification.intact() ? ", intact." : ", broken.");
        }
        return text.toString();
    }

    private static Instant seconds(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS);
    }

    public enum Mode {
        /** The checkpoint's entry and link, the count up to it, then every entry after it. */
        INCREMENTAL,
        /** Every entry from the first. */
        FULL
    }

    /** The entries re-hashed by this check, by id; none ({@code entries} 0) when nothing was appended since. */
    public record Range(Long fromEntryId, Long toEntryId, long entries) {}

    /** Every entry up to {@code entryId} ({@code entries} of them) was verified by earlier checks, last at {@code verifiedAt}. */
    public record Checkpoint(long entryId, long entries, Instant verifiedAt) {}

    /** The newest finished full re-verification: when, how far, and what it found. */
    public record FullRun(
            UUID id,
            Instant finishedAt,
            long entries,
            Long throughEntryId,
            boolean intact,
            Long firstBrokenEntryId,
            String problem) {}
}
