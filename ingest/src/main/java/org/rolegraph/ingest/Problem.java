package org.rolegraph.ingest;

/**
 * One thing wrong with the input, where it is. Shown as {@code file:line:column: message}, the form
 * compilers use, so editors and terminals link straight to the spot. Line and column start at 1.
 */
public record Problem(String file, long line, long column, String message) implements Comparable<Problem> {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Long.compare(line, other.line);
        return byLine != 0 ? byLine : Long.compare(column, other.column);
    }
}
