package org.podloop.pulse;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.podloop.identity.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The engine calls of a round. Its process knows the round only by business key and its deadline: no
 * answer, no count of answers, no respondent ever becomes a process variable (the history would keep it).
 */
@Component
class PulseEngine {

    static final String PROCESS = "PulseRoundProcess";
    static final String MESSAGE_COMPLETED = "PulseRoundCompleted";
    static final String VAR_ROUND_ID = "pulseRoundId";
    static final String VAR_CLOSES_AT = "pulseClosesAt";

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final SystemAccess system;

    PulseEngine(RuntimeService runtime, IdentityService identity, SystemAccess system) {
        this.runtime = runtime;
        this.identity = identity;
        this.system = system;
    }

    /** Starts the round's process; returns its instance id. */
    String start(UUID roundId, Instant closesAt) {
        return system.call(() -> runtime.createProcessInstanceByKey(PROCESS)
                .businessKey(roundId.toString())
                .setVariable(VAR_ROUND_ID, roundId.toString())
                .setVariable(VAR_CLOSES_AT, Date.from(closesAt))
                .execute()
                .getId());
    }

    /**
     * Tells the round's process that every invited member has answered. Sent in the last answer's
     * transaction, but as nobody: the engine's operation log would otherwise name her as the one whose
     * call completed the round. Does nothing when the process no longer waits (its deadline passed).
     */
    void completed(UUID roundId) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            system.run(() -> runtime.createMessageCorrelation(MESSAGE_COMPLETED)
                    .processInstanceBusinessKey(roundId.toString())
                    .correlateAllWithResult());
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
