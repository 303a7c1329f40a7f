package org.podloop.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an upload as UTF-8 the way spreadsheets write it: a leading byte-order mark is skipped,
 * and bytes that are not UTF-8 stop the reading with the line they are on ({@link NotUtf8Exception}),
 * where a plain {@code InputStreamReader} would silently turn them into U+FFFD. Everything decoded
 * before the bad bytes is handed out first, so the line count is exact.
 */
final class Utf8Lines extends Reader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private long line = 1;
    private boolean atStart = true;
    private boolean endOfInput;
    private boolean flushed;

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** Bytes of an upload that are not UTF-8, and the line (1-based) they are on. */
    static final class NotUtf8Exception extends IOException {

        private final long line;

        NotUtf8Exception(long line) {
            super("not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in spreadsheets)");
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        if (atStart) {
            atStart = false;
            if (chars.get(chars.position()) == BYTE_ORDER_MARK) {
                chars.get();
                if (!chars.hasRemaining() && !decodeMore()) {
                    return -1;
                }
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                line++;
            }
        }
        return n;
    }

    /** Decodes the next characters; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0 && !flushed) {
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    if (chars.position() > 0) {
                        break; // hand out what came before; the next call meets the bad bytes again
                    }
                    throw new NotUtf8Exception(line);
                }
                if (result.isUnderflow()) {
                    if (endOfInput) {
                        decoder.flush(chars);
                        flushed = true;
                    } else {
                        fill();
                    }
                }
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining();
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
