package org.podloop.process;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.DefaultScriptEngineResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;
import org.springframework.stereotype.Component;

/**
 * What a deployed definition can do at run time, whatever got past the deploy-time lint: expressions
 * reach only the allow-list ({@link GuardedExpressionManager}), no {@code camunda:class} is instantiated,
 * and no script engine runs (JUEL "scripts" included). Process owners deploy code-like XML; this is the
 * second wall. (The loop guards its own variables on every write path, see the loop module.)
 */
@Component
class ProcessRuntimeGuard extends AbstractProcessEnginePlugin {

    private final ProcessAllowList allowList;

    ProcessRuntimeGuard(ProcessAllowList allowList) {
        this.allowList = allowList;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new GuardedExpressionManager(allowList));
        configuration.setBeans(GuardedExpressionManager.beansOf(allowList));
        configuration.setScriptingEngines(new NoScripts());
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
