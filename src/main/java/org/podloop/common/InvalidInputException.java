package org.podloop.common;

/** Bad input from a client: answered with 400 and a problem naming {@link #field()}. Nothing is stored. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
