package org.podloop.common;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Says in words which field of a JSON body is wrong and what it must be: Jackson's own messages name Java types. */
final class JsonInputErrors {

    private JsonInputErrors() {}

    static InvalidInputException of(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            // the document as a whole: an array instead of an object, or more content after it
            return new InvalidInputException("body", "must be exactly one JSON object, with nothing after it");
        }
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new InvalidInputException(field, "unknown field; known fields are " + unknown.getKnownPropertyIds());
        }
        if (e.getCause() instanceof InputCoercionException tooLarge) {
            return new InvalidInputException(field, "must be a whole number from " + range(tooLarge.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new InvalidInputException(field, expected(mismatch.getTargetType()));
        }
        return new InvalidInputException(field, "is not a valid value");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "is not a valid value";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 instant in quotes, such as \"2026-11-02T09:00:00Z\"";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }

    private static String range(Class<?> type) {
        return type == Long.class || type == long.class
                ? Long.MIN_VALUE + " to " + Long.MAX_VALUE
                : Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
}
