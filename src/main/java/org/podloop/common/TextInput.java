package org.podloop.common;

/**
 * Free text from clients (names, ids): at most as long as its column holds, and nothing that hides
 * or reorders what a reader of it sees (control characters, bidirectional overrides and isolates)
 * or that is no text at all (unpaired surrogates, which databases refuse or mangle).
 */
public final class TextInput {

    private TextInput() {}

    /** {@code value} (not null) unchanged, or 400 naming {@code field} and why. */
    public static String check(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidInputException(
                    field, "must be at most " + maxLength + " characters, is " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw refused(field, "control characters", c, i);
            }
            if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                throw refused(field, "bidirectional override or isolate characters", c, i);
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw refused(field, "unpaired surrogates (it is not valid Unicode)", c, i);
            }
        }
        return value;
    }

    private static InvalidInputException refused(String field, String what, char c, int index) {
        return new InvalidInputException(
                field, String.format("must not contain %s (U+%04X at character %d)", what, (int) c, index + 1));
    }
}
