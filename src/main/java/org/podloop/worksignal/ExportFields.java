package org.podloop.worksignal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads the fields of a tracker's export the same way for every source: a missing or mistyped field is a
 * {@link WorkImportException} naming its path, in plain words, quoting no object (which may hold a name).
 */
final class ExportFields {

    private ExportFields() {}

    static JsonNode object(JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (!node.isObject()) {
            throw new WorkImportException(
                    field + "." + name, node.isMissingNode() || node.isNull() ? "is missing" : "expected an object");
        }
        return node;
    }

    static String text(JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            throw new WorkImportException(field + "." + name, "is missing");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new WorkImportException(field + "." + name, "expected text");
        }
        return node.asText().strip();
    }

    /**
     * A time in one of {@code formats} ({@code example} shows one in the refusal); null when absent and not
     * required.
     */
    static Instant time(
            JsonNode parent,
            String name,
            String field,
            boolean required,
            List<DateTimeFormatter> formats,
            String example) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                throw new WorkImportException(field + "." + name, "is missing");
            }
            return null;
        }
        if (node.isTextual()) {
            String value = node.asText().strip();
            for (DateTimeFormatter format : formats) {
                try {
                    return OffsetDateTime.parse(value, format).toInstant();
                } catch (DateTimeParseException notThisFormat) {
                    // try the next format
                }
            }
        }
        throw new WorkImportException(
                field + "." + name, "expected a time such as " + example + ", got " + WorkImportException.shown(node));
    }
}
