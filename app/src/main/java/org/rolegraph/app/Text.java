package org.rolegraph.app;

import java.util.ArrayList;
import java.util.List;

/** Plain-text layout for the terminal: word wrapping with a hanging indent. */
final class Text {
    private Text() {}

    /** The width to wrap at: the terminal's COLUMNS on a terminal, else 100 (so piped output is stable). */
    static int width() {
        String columns = System.console() == null ? null : System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Math.max(40, Integer.parseInt(columns));
        }
        return 100;
    }

    /** Wraps {@code text} to {@code width}; the first line starts with {@code first}, the rest with {@code rest}. */
    static List<String> wrap(String text, int width, String first, String rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        for (String word : text.strip().split("\\s+")) {
            boolean atStart = line.length() == (lines.isEmpty() ? first.length() : rest.length());
            if (!atStart && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                atStart = true;
            }
            if (!atStart) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The footnote marks of a claim's sources, in footnote order, each once: "[1][3]". */
    static String marks(java.util.List<org.rolegraph.query.SourceRef> sources, java.util.Map<String, Integer> footnotes) {
        return sources.stream().map(s -> footnotes.get(s.iri())).distinct().sorted().map(n -> "[" + n + "]")
                .collect(java.util.stream.Collectors.joining());
    }

    /** Escapes what would break a Markdown table cell. */
    static String markdownCell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
