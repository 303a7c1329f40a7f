package org.podloop.worksignal;

/**
 * An export that cannot be read, naming the field that is wrong (a path such as
 * {@code issues[3].fields.created}) in a plain message that a team can act on without reading code; the
 * message itself does not repeat the field.
 */
final class WorkImportException extends RuntimeException {

    private final String field;

    WorkImportException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
