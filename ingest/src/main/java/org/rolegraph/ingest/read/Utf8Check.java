package org.rolegraph.ingest.read;

import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while checking they are well-formed UTF-8, and on the first bad byte fails
 * with its line and column. The YAML and CSV parsers only say "invalid UTF-8" with a character
 * count; this says where.
 *
 * <p>It can also bound the bytes read between two tokens of the parser ({@link #limitBytesBetweenTokens}):
 * SnakeYAML holds a whole scalar in memory before Jackson's string-length check sees it, so a 200 MB
 * unterminated string would exhaust the heap; with the bound it stops after {@link #MAX_BYTES_BETWEEN_TOKENS}.
 */
final class Utf8Check extends FilterInputStream {

    /** Thrown at the first byte that is not valid UTF-8. */
    static final class MalformedUtf8Exception extends CharConversionException {
        private static final long serialVersionUID = 1L;
        final long line;
        final long column;

        MalformedUtf8Exception(long line, long column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /** Room for one string at Jackson's limit of 1,000,000 characters, at up to 4 bytes each. */
    static final long MAX_BYTES_BETWEEN_TOKENS = 4L << 20;

    private long line = 1;
    private boolean limitTokens;
    private long sinceToken;
    private long column = 1;
    /** Continuation bytes still expected in the current sequence. */
    private int pending;
    /** Lower bound of the next continuation byte (rejects overlong forms and surrogates). */
    private int nextMin = 0x80;
    private int nextMax = 0xBF;

    /** Said after each message: what the bytes must be. */
    private final String requirement;

    Utf8Check(InputStream in) {
        this(in, "role data must be UTF-8");
    }

    Utf8Check(InputStream in, String requirement) {
        super(in);
        this.requirement = requirement;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check(b);
        } else if (pending > 0) {
            throw malformed("file ends inside a UTF-8 character");
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0 && pending > 0) {
            throw malformed("file ends inside a UTF-8 character");
        }
        for (int i = 0; i < n; i++) {
            check(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    /** From now on, refuse more than {@link #MAX_BYTES_BETWEEN_TOKENS} bytes without a {@link #tokenRead}. */
    void limitBytesBetweenTokens() {
        limitTokens = true;
    }

    /** The parser produced a token: the bytes before it were one value's worth at most. */
    void tokenRead() {
        sinceToken = 0;
    }

    private void check(int b) throws MalformedUtf8Exception {
        if (limitTokens && ++sinceToken > MAX_BYTES_BETWEEN_TOKENS) {
            throw new MalformedUtf8Exception(line, column,
                    "a single value runs over " + (MAX_BYTES_BETWEEN_TOKENS >> 20) + " MiB; is a quote left unterminated?");
        }
        if (pending > 0) {
            if (b < nextMin || b > nextMax) {
                throw malformed(String.format("not valid UTF-8: byte 0x%02X cannot continue a character", b));
            }
            nextMin = 0x80;
            nextMax = 0xBF;
            if (--pending == 0) {
                column++;
            }
            return;
        }
        if (b < 0x80) {
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        } else if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            nextMin = b == 0xE0 ? 0xA0 : 0x80;
            nextMax = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            nextMin = b == 0xF0 ? 0x90 : 0x80;
            nextMax = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw malformed(String.format("not valid UTF-8: byte 0x%02X cannot start a character", b));
        }
    }

    private MalformedUtf8Exception malformed(String message) {
        return new MalformedUtf8Exception(line, column, message + " (" + requirement + ")");
    }
}
