package org.podloop.loop;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.podloop.classification.FindingView;
import org.podloop.loop.PodTasks.FindingLine;
import org.podloop.rules.ActiveRuleset;
import org.podloop.rules.MetricCatalogue;
import org.podloop.signal.SignalService;
import org.podloop.signal.SnapshotView;
import org.springframework.stereotype.Component;

/**
 * Findings as a team reads them: the most urgent first, in the metrics' own names and units, with the
 * values of the two snapshots before. For the task pages and for the text the Tasklist's forms show.
 */
@Component
class FindingSentences {

    private final SignalService signals;
    private final ActiveRuleset rules;

    FindingSentences(SignalService signals, ActiveRuleset rules) {
        this.signals = signals;
        this.rules = rules;
    }

    List<FindingLine> of(String team, List<FindingView> findings, UUID snapshotId) {
        MetricCatalogue catalogue = rules.metrics();
        SnapshotView snapshot = signals.snapshot(snapshotId);
        List<SnapshotView> earlier = signals.history(team, snapshot.measuredAt(), 2);
        return findings.stream()
                .sorted(Comparator.comparingInt(FindingView::urgency).reversed())
                .map(finding -> new FindingLine(
                        severityWord(finding.severity()),
                        PlainWords.pattern(finding.pattern()),
                        finding.evidence().stream()
                                .map(evidence -> PlainWords.valueLine(catalogue, evidence, earlier))
                                .distinct()
                                .toList()))
                .toList();
    }

    /** The same as lines of text: "Serious: Suppressed feedback — Psychological safety: 38 of 100". */
    String text(String team, List<FindingView> findings, UUID snapshotId) {
        return of(team, findings, snapshotId).stream()
                .map(line -> line.severity() + ": " + line.sentence() + " — " + String.join("; ", line.values()))
                .collect(Collectors.joining("\n"));
    }

    private static String severityWord(String severity) {
        return switch (severity) {
            case "HIGH" -> "Serious";
            case "MEDIUM" -> "Notable";
            default -> "Early sign";
        };
    }
}
