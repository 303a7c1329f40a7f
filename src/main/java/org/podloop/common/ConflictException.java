package org.podloop.common;

/** The request contradicts what is stored (e.g. the same externalId with other content): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
