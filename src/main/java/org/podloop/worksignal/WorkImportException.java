package org.podloop.worksignal;

import com.fasterxml.jackson.databind.JsonNode;

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

    /** A bad value as a refusal may quote it: a short text or number, never an object (which may hold a name). */
    static String shown(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "nothing";
        }
        if (node.isValueNode()) {
            String text = node.toString();
            return text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }
        return node.isArray() ? "a list" : "an object";
    }
}
