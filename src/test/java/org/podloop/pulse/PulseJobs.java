package org.podloop.pulse;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.JobQuery;

/** Runs a round's jobs as the job executor would (it is off in tests): closing after the last answer is one. */
final class PulseJobs {

    private PulseJobs() {}

    /** Every job of the round that is due now. */
    static void runDue(ProcessEngine engine, UUID round) {
        run(engine, jobsOf(engine, round).executable());
    }

    /** The deadline passes: its timer runs now, and then whatever it made due. */
    static void passTheDeadline(ProcessEngine engine, UUID round) {
        run(engine, jobsOf(engine, round).activityId("Event_PulseDeadline"));
        runDue(engine, round);
    }

    private static JobQuery jobsOf(ProcessEngine engine, UUID round) {
        String instance = engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(round.toString())
                .processDefinitionKey(PulseEngine.PROCESS)
                .singleResult()
                .getId();
        return engine.getManagementService().createJobQuery().processInstanceId(instance);
    }

    private static void run(ProcessEngine engine, JobQuery jobs) {
        jobs.list().forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
}
