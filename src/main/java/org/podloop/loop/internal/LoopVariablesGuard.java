package org.podloop.loop.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts {@link VariableWrites} into every engine command, so that the loop's control variables hold only
 * what the loop says whichever path wrote them, and keeps transient writes of them visible to it.
 */
@Component
class LoopVariablesGuard extends AbstractProcessEnginePlugin {

    private final VariableWrites writes;

    LoopVariablesGuard(ControlValues truth) {
        this.writes = new VariableWrites(truth);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPostCommandInterceptorsTxRequired(
                withCheck(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                withCheck(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryLevel(VariableWrites.guarding(configuration.getHistoryLevel()));
    }

    private List<CommandInterceptor> withCheck(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(writes.interceptor());
        return all;
    }
}
