package org.rolegraph.ingest;

import java.util.Collections;

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

    /** How many lines a collapsed problem lists before it says "…". */
    static final int LINES_LISTED = 12;

    /**
     * Sorted problems with each message that a file repeats said once, at its first place, with the
     * count and lines of all ("no source: ... (25 times: lines 6, 9, 10, ...)"): 25 identical lines
     * hide the other problems without telling more.
     */
    static java.util.List<Problem> collapsed(java.util.List<Problem> problems) {
        java.util.List<Problem> sorted = new java.util.ArrayList<>(problems);
        java.util.Collections.sort(sorted);
        java.util.Map<java.util.List<String>, java.util.List<Problem>> byMessage = new java.util.LinkedHashMap<>();
        for (Problem problem : sorted) {
            byMessage.computeIfAbsent(java.util.List.of(problem.file(), problem.message()), k -> new java.util.ArrayList<>())
                    .add(problem);
        }
        java.util.List<Problem> result = new java.util.ArrayList<>();
        for (java.util.List<Problem> same : byMessage.values()) {
            Problem first = same.get(0);
            if (same.size() == 1) {
                result.add(first);
                continue;
            }
            java.util.List<String> lines = same.stream().map(p -> Long.toString(p.line())).distinct().toList();
            String listed = String.join(", ", lines.subList(0, Math.min(lines.size(), LINES_LISTED)))
                    + (lines.size() > LINES_LISTED ? ", …" : "");
            result.add(new Problem(first.file(), first.line(), first.column(),
                    first.message() + " (" + same.size() + " times: " + (lines.size() == 1 ? "line " : "lines ") + listed + ")"));
        }
        Collections.sort(result);
        return result;
    }
}
