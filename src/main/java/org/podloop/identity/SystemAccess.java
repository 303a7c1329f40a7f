package org.podloop.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine calls Podloop makes on its own behalf — opening a loop for a classified snapshot, delivering a
 * re-measurement, keeping pods and memberships in step — after our API has already decided the caller
 * may trigger them. They run in one engine command with authorization checks off, so the engine does
 * not ask, say, a {@code signal-sources} client for rights to start processes it must never have. The
 * caller stays the authenticated user, so history and our audit still name who triggered the step.
 */
@Component
public class SystemAccess {

    private final ProcessEngineConfigurationImpl engine;

    SystemAccess(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    public <T> T call(Supplier<T> work) {
        return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work::get));
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
