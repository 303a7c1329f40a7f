package org.podloop.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.podloop.process.ProcessCallable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The loop's periods, from configuration ({@code podloop.loop.*}); BPMN timers and due dates read
 * them as {@code ${loopDurations...}}. Times are the engine's, so moving the engine clock moves them.
 */
@Component("loopDurations")
@ProcessCallable
public class LoopDurations {

    private final Duration chooseWithin;
    private final Duration chooseReminderAfter;
    private final Duration runReminderBefore;
    private final Duration remeasurementOverdueAfter;

    private final Duration assistantTimeout;

    LoopDurations(LoopProperties properties, @Value("${podloop.assistant.timeout:PT2M}") Duration assistantTimeout) {
        this.assistantTimeout = assistantTimeout;
        this.chooseWithin = properties.chooseWithin();
        this.chooseReminderAfter = properties.chooseReminderAfter();
        this.runReminderBefore = properties.runReminderBefore();
        this.remeasurementOverdueAfter = properties.remeasurementOverdueAfter();
    }

    /** Due date of {@code Task_ChooseIntervention}. */
    public Date chooseDue() {
        return after(chooseWithin);
    }

    /** ISO-8601 duration after which a pod that has not chosen is reminded. */
    public String getChooseReminder() {
        return chooseReminderAfter.toString();
    }

    /** When to remind the pod that the time-box ends at {@code due}; never in the past. */
    public Date runReminderAt(Date due) {
        Instant at = due.toInstant().minus(runReminderBefore);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return Date.from(at.isBefore(now) ? now : at);
    }

    /** ISO-8601 duration after which a missing re-measurement is escalated to the pod. */
    public String getRemeasurementOverdue() {
        return remeasurementOverdueAfter.toString();
    }

    /** ISO-8601 duration after which the iteration goes on without the assistant's brief or debrief. */
    public String getAssistantTimeout() {
        return assistantTimeout.toString();
    }

    Date after(Duration period) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(period));
    }
}
