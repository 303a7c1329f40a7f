package org.podloop.common;

/** The caller is known but their role does not let them see or do this; answered with 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
