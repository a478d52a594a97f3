package org.rolegraph.export.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.jena.riot.RiotParseException;

/**
 * Bounds what a Turtle, TriG, N-Triples or N-Quads document can make Jena's parser hold: one term
 * (a literal, an IRI, a prefixed name) of at most {@link #MAX_TERM_BYTES}, and collections and
 * blank-node property lists nested at most {@link #MAX_NESTING} deep. Jena's tokenizer buffers a
 * whole term, so a 200 MB unterminated literal exhausts a small heap, and its parser recurses once
 * per nesting level, so ten thousand nested collections overflow the stack; this stream stops such
 * input first, with its line and column.
 *
 * <p>It follows the lexical structure just far enough for that: strings (short and long, with
 * escapes), IRIs and comments, so brackets and separators inside them are not miscounted.
 */
public final class TurtleInputLimits extends FilterInputStream {
    public static final int MAX_TERM_BYTES = 4 << 20;
    public static final int MAX_NESTING = 256;

    private enum State { OUT, COMMENT, IRI, SHORT_STRING, LONG_STRING }

    private final int maxTermBytes;
    private final int maxNesting;
    private State state = State.OUT;
    private byte quote;
    /** Quote characters seen in a row: at a string's start (1-3) or inside a long string (towards its end). */
    private int quotesInRow;
    private boolean escaped;
    private long termBytes;
    private int depth;
    private long line = 1;
    private long column = 0;

    public TurtleInputLimits(InputStream in) {
        this(in, MAX_TERM_BYTES, MAX_NESTING);
    }

    TurtleInputLimits(InputStream in, int maxTermBytes, int maxNesting) {
        super(in);
        this.maxTermBytes = maxTermBytes;
        this.maxNesting = maxNesting;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            see((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    private void see(byte b) {
        if (b == '\n') {
            line++;
            column = 0;
        } else if ((b & 0xC0) != 0x80) {
            column++;
        }
        switch (state) {
            case OUT -> out(b);
            case COMMENT -> {
                if (b == '\n' || b == '\r') {
                    state = State.OUT;
                }
            }
            case IRI -> {
                grow();
                if (b == '>' || b == '\n') {
                    endTerm();
                }
            }
            case SHORT_STRING -> shortString(b);
            case LONG_STRING -> longString(b);
        }
    }

    private void out(byte b) {
        if (quotesInRow > 0) {
            // Quotes at the start of a string: """ opens a long string, "" is an empty one.
            if (b == quote && quotesInRow < 3) {
                quotesInRow++;
                if (quotesInRow == 3) {
                    state = State.LONG_STRING;
                    quotesInRow = 0;
                }
                return;
            }
            if (quotesInRow == 1) {
                state = State.SHORT_STRING;
                quotesInRow = 0;
                shortString(b);
                return;
            }
            quotesInRow = 0;
            endTerm();
        }
        switch (b) {
            case ' ', '\t', '\r', '\n', ',', ';' -> endTerm();
            case '#' -> state = State.COMMENT;
            case '<' -> {
                state = State.IRI;
                grow();
            }
            case '"', '\'' -> {
                quote = b;
                quotesInRow = 1;
                grow();
            }
            case '(', '[', '{' -> {
                endTerm();
                if (++depth > maxNesting) {
                    throw error("collections and blank nodes are nested more than " + maxNesting + " deep");
                }
            }
            case ')', ']', '}' -> {
                endTerm();
                depth = Math.max(0, depth - 1);
            }
            default -> grow();
        }
    }

    private void shortString(byte b) {
        grow();
        if (escaped) {
            escaped = false;
        } else if (b == '\\') {
            escaped = true;
        } else if (b == quote || b == '\n' || b == '\r') {
            endTerm();
        }
    }

    private void longString(byte b) {
        grow();
        if (escaped) {
            escaped = false;
            quotesInRow = 0;
        } else if (b == '\\') {
            escaped = true;
            quotesInRow = 0;
        } else if (b == quote) {
            if (++quotesInRow == 3) {
                endTerm();
            }
        } else {
            quotesInRow = 0;
        }
    }

    private void grow() {
        if (++termBytes > maxTermBytes) {
            throw error("a term (literal, IRI or name) is longer than " + (maxTermBytes >> 20 > 0 ? (maxTermBytes >> 20) + " MiB"
                    : maxTermBytes + " bytes") + "; is a literal left unterminated?");
        }
    }

    private void endTerm() {
        state = State.OUT;
        termBytes = 0;
        quotesInRow = 0;
        escaped = false;
    }

    private RiotParseException error(String message) {
        return new RiotParseException(message, line, column);
    }
}
