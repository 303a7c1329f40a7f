package org.podloop.identity;

/**
 * Text from a request made safe for one log line: a user name from HTTP Basic may carry CR/LF (it is
 * base64-encoded, so no header rule stops it), and a forged line would pass for Podloop's own.
 */
final class LogText {

    private LogText() {}

    /** Control characters and line separators escaped, as Java writes them in a string literal; {@code null} is "null". */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\r' -> safe.append("\\r");
                case '\n' -> safe.append("\\n");
                case '\t' -> safe.append("\\t");
                default -> {
                    if (Character.isISOControl(c)
                            || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        safe.append(String.format("\\u%04x", c));
                    } else {
                        safe.appendCodePoint(c);
                    }
                }
            }
        });
        return safe.toString();
    }
}
