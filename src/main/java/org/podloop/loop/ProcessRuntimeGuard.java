package org.podloop.loop;

import java.util.ArrayList;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.scripting.engine.DefaultScriptEngineResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;
import org.springframework.stereotype.Component;

/**
 * What a deployed definition can do at run time, whatever got past the deploy-time lint: expressions
 * reach only the allow-list ({@link GuardedExpressionManager}), no {@code camunda:class} is instantiated,
 * no script engine runs (JUEL "scripts" included), and the loop's control variables hold only what the
 * loop says ({@link VariableWrites}). Process owners deploy code-like XML; this is the second wall.
 */
@Component
class ProcessRuntimeGuard extends AbstractProcessEnginePlugin {

    private final ProcessAllowList allowList;
    private final VariableWrites controlVariables;

    ProcessRuntimeGuard(ProcessAllowList allowList, LoopTruth truth) {
        this.allowList = allowList;
        this.controlVariables = new VariableWrites(truth);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new GuardedExpressionManager(allowList));
        configuration.setBeans(GuardedExpressionManager.beansOf(allowList));
        configuration.setScriptingEngines(new NoScripts());
        configuration.setCustomPostCommandInterceptorsTxRequired(
                withCheck(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                withCheck(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // after init: the Spring integration sets an artifact factory of its own
        configuration.setArtifactFactory(new ArtifactFactory() {
            @Override
            public <T> T getArtifact(Class<T> type) {
                throw new ProcessEngineException("Podloop does not run camunda:class (" + type.getSimpleName()
                        + "); name an allow-listed bean in a delegate expression instead");
            }
        });
        configuration.setHistoryLevel(VariableWrites.guarding(configuration.getHistoryLevel()));
    }

    private List<CommandInterceptor> withCheck(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(controlVariables.interceptor());
        return all;
    }

    /** Every language refused, so no script task, listener, condition or mapping can run code. */
    private static final class NoScripts extends ScriptingEngines {

        NoScripts() {
            super(new DefaultScriptEngineResolver(new ScriptEngineManager()));
        }

        @Override
        public ScriptEngine getScriptEngineForLanguage(String language) {
            throw new ProcessEngineException("Podloop runs no scripts (language '" + language
                    + "'); use an expression or a delegate expression naming an allow-listed bean");
        }
    }
}
