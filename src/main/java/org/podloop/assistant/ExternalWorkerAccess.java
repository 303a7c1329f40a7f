package org.podloop.assistant;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/** Puts {@link ExternalWorkerGuard} into every engine command, inside its command context. */
@Component
class ExternalWorkerAccess extends AbstractProcessEnginePlugin {

    private final int maxText;

    ExternalWorkerAccess(AssistantProperties properties) {
        this.maxText = properties.maxChars();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPostCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                withGuard(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    private List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        // one instance per chain: the engine links each interceptor to the next of its chain
        all.add(new ExternalWorkerGuard(maxText));
        return all;
    }
}
