package org.podloop.loop;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task was submitted with a missing or invalid value. Extends the engine's form validation error
 * so that the Tasklist shows the message and {@code /engine-rest} answers 400 instead of 500.
 */
public class TaskInputException extends FormFieldValidationException {

    private final String field;
    private final String reason;

    public TaskInputException(String field, String reason) {
        super(field, field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The variable (form field) that was refused. */
    public String field() {
        return field;
    }

    /** Why, without the field's name: for a message next to the field. */
    public String reason() {
        return reason;
    }
}
