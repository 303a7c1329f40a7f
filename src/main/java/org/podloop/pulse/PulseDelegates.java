package org.podloop.pulse;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.podloop.process.ProcessCallable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The beans {@code PulseRoundProcess} names (and the schedule {@link PulseCadence} runs on): ({@code ${closePulseRound}} …), each one {@link PulseService} call. */
@Configuration
@EnableScheduling
class PulseDelegates {

    @Bean
    @ProcessCallable
    JavaDelegate closePulseRound(PulseService pulses) {
        return execution -> pulses.close(roundId(execution));
    }

    @Bean
    @ProcessCallable
    JavaDelegate recordPulseReminder(PulseService pulses) {
        return execution -> pulses.remind(roundId(execution));
    }

    /** The round is the business key Podloop gave the instance, not a variable a process could overwrite. */
    private static UUID roundId(DelegateExecution execution) {
        try {
            return UUID.fromString(execution.getProcessBusinessKey());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProcessEngineException("Podloop's pulse delegates run only in a pulse round's process instances ("
                    + execution.getProcessDefinitionId() + ")");
        }
    }
}
