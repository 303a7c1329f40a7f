package org.podloop.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * The JSON of {@code /engine-rest} and of the webapps' engine API ({@code /camunda/api/engine}), Camunda's own
 * (dates, lenient input) with one repair: a task can be sent back as it was read. The Tasklist changes a
 * due date by PUTting the whole task it got, {@code camundaFormRef} included; Camunda's {@link TaskDto} types
 * that property as an interface, so Jackson cannot build it and the PUT failed with "Cannot construct
 * instance of CamundaFormRef" for every task with a Camunda Form (ours all have one). The property is
 * output only (the form reference comes from the process model; {@code TaskDto#updateTask} never copies it),
 * so on input it is ignored, and still written on output.
 */
final class EngineRestJson {

    private EngineRestJson() {}

    @JsonIgnoreProperties(value = "camundaFormRef", allowGetters = true)
    abstract static class TaskFormRefIsReadOnly {}

    /** Camunda's object mapper plus the repair; ahead of Camunda's {@link JacksonConfigurator} for the same types. */
    @Produces({MediaType.APPLICATION_JSON, "application/hal+json"})
    @Priority(Priorities.USER - 100)
    static final class Mapper implements ContextResolver<ObjectMapper> {

        private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper())
                .addMixIn(TaskDto.class, TaskFormRefIsReadOnly.class);

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }

    /** Found by Jersey through {@code META-INF/services} in every Jersey application, as {@link EngineRestErrors}. */
    public static final class InEveryJerseyApplication implements AutoDiscoverable {
        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(Mapper.class)) {
                context.register(Mapper.class);
            }
        }
    }
}
