package org.podloop.identity;

import java.lang.reflect.Field;
import org.springframework.util.ReflectionUtils;

/**
 * The engine's commands keep what a guard must check (a task id, a saved filter) in protected fields; the
 * guards read them here, and a Camunda upgrade that renames one fails at start, naming the guard to revisit.
 */
final class CommandFields {

    private CommandFields() {}

    static Field of(Class<?> command, String name, Class<?> guard) {
        Field field = ReflectionUtils.findField(command, name);
        if (field == null) {
            throw new IllegalStateException("this Camunda version has no " + command.getSimpleName() + "." + name
                    + "; check " + guard.getSimpleName() + " against the engine's commands");
        }
        ReflectionUtils.makeAccessible(field);
        return field;
    }

    static Object read(Field field, Object command) {
        return ReflectionUtils.getField(field, command);
    }
}
