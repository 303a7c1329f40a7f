package org.podloop.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.podloop.audit.AuditRecord;
import org.podloop.classification.ClassificationService;
import org.podloop.loop.LoopView;
import org.podloop.loop.ProcessIds;
import org.podloop.signal.SignalService;
import org.springframework.stereotype.Component;

/**
 * Writes a loop's audit entries as sentences: who did what, with the evidence the entry carries (the
 * findings, the intervention and its time-box, the verification's reasons with the respondents behind
 * them, the decision and its rationale). The entry itself stays beside it, unchanged.
 */
@Component
class RecordSentences {

    private static final String SYSTEM = "Podloop";

    private static final Map<String, String> TASK_NAMES = Map.of(
            ProcessIds.TASK_CHOOSE_INTERVENTION, "Choose an intervention",
            ProcessIds.TASK_RUN_INTERVENTION, "Run the intervention",
            ProcessIds.TASK_REQUEST_REMEASUREMENT, "Arrange a re-measurement",
            ProcessIds.TASK_DECIDE, "Decide");

    private final ClassificationService classification;
    private final SignalService signals;
    private final ObjectMapper json;

    RecordSentences(ClassificationService classification, SignalService signals, ObjectMapper json) {
        this.classification = classification;
        this.signals = signals;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    List<RecordLine> of(LoopView loop, List<AuditRecord> records) {
        Map<UUID, Integer> respondents = new HashMap<>();
        Function<UUID, Integer> respondentsOf =
                id -> respondents.computeIfAbsent(id, s -> signals.snapshot(s).respondents());
        List<RecordLine> lines = new ArrayList<>();
        for (AuditRecord record : records) {
            lines.add(new RecordLine(
                    record.id(),
                    record.at(),
                    Words.when(record.at()),
                    record.kind(),
                    sentence(loop, record, respondentsOf),
                    raw(record)));
        }
        return lines;
    }

    String sentence(LoopView loop, AuditRecord record, Function<UUID, Integer> respondentsOf) {
        JsonNode content = record.content();
        JsonNode detail = content.path("detail");
        String who = record.actor() == null ? SYSTEM : record.actor();
        String iteration = content.hasNonNull("iteration")
                ? "iteration " + content.get("iteration").asInt()
                : null;
        return switch (record.kind()) {
            case "LOOP_OPENED" ->
                who + " opened the loop for team " + loop.team() + ": snapshot "
                        + quoted(detail.path("externalId").asText()) + " showed " + findings(detail) + ruleset(detail)
                        + ".";
            case "SNAPSHOT_ATTACHED" ->
                "Snapshot " + quoted(detail.path("externalId").asText()) + " joined the loop's record: "
                        + findings(detail) + ruleset(detail) + ".";
            case "ITERATION_STARTED" ->
                capitalized(iteration) + " started on " + findings(detail) + recommended(detail) + ".";
            case "TASK_CREATED" ->
                "The task " + quoted(detail.path("name").asText(task(detail))) + " was opened (" + iteration + ").";
            case "TASK_ASSIGNED" -> who + " took the task " + quoted(task(detail)) + ".";
            case "TASK_COMPLETED" -> completed(who, detail.path("task").asText(), detail.path("submitted"));
            case "REMINDER_SENT" -> who + " sent the pod a reminder (" + iteration + ").";
            case "TIME_BOX_EXTENDED" ->
                "The time-box was extended from " + day(detail.path("from")) + " to " + day(detail.path("to")) + ".";
            case "REMEASUREMENT_REQUESTED" -> remeasurementRequested(detail);
            case "REMEASUREMENT_OVERDUE" -> "No re-measurement arrived in time; the pod was asked to arrange one.";
            case "REMEASUREMENT_RECEIVED" ->
                "Re-measurement " + quoted(detail.path("externalId").asText()) + " arrived"
                        + respondents(content, respondentsOf) + ": " + findings(detail) + ".";
            case "VERIFIED" ->
                "Verification: " + detail.path("outcome").asText() + " — "
                        + String.join("; ", texts(detail.path("reasons")))
                        + verifiedRespondents(loop, content, respondentsOf) + ruleset(detail) + ".";
            case "ITERATION_ENDED" ->
                capitalized(iteration) + " ended with outcome "
                        + detail.path("verificationOutcome").asText() + "; next: "
                        + next(detail.path("next").asText()) + ".";
            case "ASSISTANT_BRIEF_WRITTEN" ->
                "The pod's assistant (" + detail.path("worker").asText() + ") wrote the brief for the choice ("
                        + iteration + ").";
            case "ASSISTANT_DEBRIEF_WRITTEN" ->
                "The pod's assistant (" + detail.path("worker").asText() + ") wrote the debrief for the decision ("
                        + iteration + ").";
            case "ASSISTANT_DID_NOT_ANSWER" -> capitalized(detail.path("notice").asText()) + ".";
            case "LOOP_CLOSED" -> "The loop was closed.";
            case "LOOP_ESCALATED" -> "The loop was escalated.";
            case "NUDGE_SENT" ->
                "A nudge (" + Words.humanized(content.path("event").asText())
                        + ") went out by " + channel(content.path("channel").asText()) + " to "
                        + content.path("recipients").asInt()
                        + (content.path("recipients").asInt() == 1 ? " recipient." : " recipients.");
            default -> who + ": " + Words.humanized(record.kind()) + ".";
        };
    }

    private static String channel(String channel) {
        return switch (channel) {
            case "EMAIL" -> "mail";
            case "SLACK" -> "the team's Slack channel";
            case "TEAMS" -> "the team's Microsoft Teams channel";
            default -> channel;
        };
    }

    private static String remeasurementRequested(JsonNode detail) {
        String when = detail.path("when").asText().equals("TIME_BOX_PASSED")
                ? "The time-box passed"
                : "The intervention ended";
        if (!detail.hasNonNull("pulseRoundId")) {
            return when + "; no pulse round could be opened ("
                    + detail.path("unavailable").asText() + "), so a posted snapshot re-measures.";
        }
        String round = detail.path("alreadyOpen").asBoolean() ? "the team's open pulse round" : "a pulse round";
        return when + "; " + round + " closing " + day(detail.path("closesAt")) + " re-measures the team.";
    }

    private String completed(String who, String task, JsonNode submitted) {
        return switch (task) {
            case ProcessIds.TASK_CHOOSE_INTERVENTION -> {
                String id = submitted.path(ProcessIds.VAR_INTERVENTION_ID).asText();
                yield who + " chose " + id
                        + classification
                                .intervention(id)
                                .map(it -> " (time-box " + Words.duration(it.timeBox()) + ")")
                                .orElse("")
                        + ".";
            }
            case ProcessIds.TASK_RUN_INTERVENTION ->
                who + " reported on the run: "
                        + quoted(submitted.path(ProcessIds.VAR_OUTCOME_NOTES).asText())
                        + (submitted.path(ProcessIds.VAR_EXTEND).asBoolean()
                                ? ", and asked to extend the time-box"
                                : "")
                        + ".";
            case ProcessIds.TASK_REQUEST_REMEASUREMENT ->
                who + " arranged the re-measurement: "
                        + quoted(submitted
                                .path(ProcessIds.VAR_REMEASUREMENT_ARRANGEMENT)
                                .asText()) + ".";
            case ProcessIds.TASK_DECIDE ->
                who + " decided " + submitted.path(ProcessIds.VAR_DECISION).asText() + ": "
                        + quoted(submitted.path(ProcessIds.VAR_RATIONALE).asText()) + ".";
            default -> who + " completed the task " + quoted(taskName(task)) + ".";
        };
    }

    private static String taskName(String key) {
        return TASK_NAMES.getOrDefault(key, key);
    }

    private static String task(JsonNode detail) {
        return taskName(detail.path("task").asText());
    }

    /** Findings as the detail lists them ("SUPPRESSED_FEEDBACK HIGH"), or "no findings". */
    private static String findings(JsonNode detail) {
        List<String> findings = texts(detail.path("findings")).stream()
                .map(f -> {
                    int space = f.lastIndexOf(' ');
                    return space < 0 ? f : f.substring(0, space) + " (" + f.substring(space + 1) + ")";
                })
                .toList();
        return findings.isEmpty() ? "no findings" : Words.list(findings);
    }

    private static String recommended(JsonNode detail) {
        List<String> recommended = texts(detail.path("recommended"));
        return recommended.isEmpty() ? "" : "; recommended: " + Words.list(recommended);
    }

    private static String ruleset(JsonNode detail) {
        String version = detail.path("rulesetVersion").asText("");
        return version.isEmpty() ? "" : " (ruleset " + shortVersion(version) + ")";
    }

    private static String respondents(JsonNode content, Function<UUID, Integer> respondentsOf) {
        String snapshot = content.path("snapshot").path("snapshotId").asText("");
        if (snapshot.isEmpty()) {
            return "";
        }
        return " (" + Words.plural(respondentsOf.apply(UUID.fromString(snapshot)), "respondent") + ")";
    }

    /** Both measurements' respondents: a change is only as good as the answers behind it. */
    private static String verifiedRespondents(LoopView loop, JsonNode content, Function<UUID, Integer> respondentsOf) {
        int number = content.path("iteration").asInt();
        return loop.iterations().stream()
                .filter(it -> it.number() == number && it.remeasureSnapshotId() != null)
                .findFirst()
                .map(it -> {
                    int before = respondentsOf.apply(it.baselineSnapshotId());
                    int after = respondentsOf.apply(it.remeasureSnapshotId());
                    return before == after
                            ? " (" + Words.plural(after, "respondent") + " each time)"
                            : " (" + Words.plural(before, "respondent") + " at baseline, " + after
                                    + " at re-measurement)";
                })
                .orElse("");
    }

    private static String next(String decision) {
        return switch (decision) {
            case "CLOSE" -> "close the loop";
            case "REPEAT" -> "another iteration";
            case "ESCALATE" -> "escalate";
            default -> decision;
        };
    }

    private static String day(JsonNode instant) {
        return Words.day(Instant.parse(instant.asText()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String quoted(String text) {
        return "“" + text + "”";
    }

    private static String capitalized(String text) {
        return text == null || text.isEmpty()
                ? "The iteration"
                : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String shortVersion(String version) {
        return version.length() > 12 ? version.substring(0, 12) : version;
    }

    private String raw(AuditRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record is plain JSON", e);
        }
    }
}
