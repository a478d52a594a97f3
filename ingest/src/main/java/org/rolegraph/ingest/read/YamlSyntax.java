package org.rolegraph.ingest.read;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error said in plain words at the place that is wrong. SnakeYAML's own text names
 * parser states ("expected <block end>, but found '<block sequence start>'") and Jackson places it
 * where the last good token ended, often the line before; the problem mark is where the parser
 * found the fault.
 */
record YamlSyntax(long line, long column, String message) {

    static YamlSyntax of(MarkedYAMLException e) {
        Mark at = e.getProblemMark() != null && !isUnclosed(e) ? e.getProblemMark() : e.getContextMark();
        long line = at == null ? 1 : at.getLine() + 1;
        long column = at == null ? 1 : at.getColumn() + 1;
        return new YamlSyntax(line, column, plain(e));
    }

    /**
     * Whether the fault is a quote, bracket or brace never closed: the parser finds it at the end of
     * the file, and the place to mend is where it opens (the context mark).
     */
    private static boolean isUnclosed(MarkedYAMLException e) {
        String context = e.getContext() == null ? "" : e.getContext();
        String problem = e.getProblem() == null ? "" : e.getProblem();
        return e.getContextMark() != null && (context.startsWith("while scanning a quoted scalar")
                || context.startsWith("while parsing a flow") && problem.contains("<stream end>"));
    }

    private static String plain(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem().strip();
        String context = e.getContext() == null ? "" : e.getContext().strip();
        if (problem.contains("(TAB)")) {
            return "a tab character: indent with spaces (YAML does not allow tabs in indentation)";
        }
        if (problem.startsWith("expected <block end>")) {
            if (problem.endsWith("'-'") || problem.contains("<block sequence start>")) {
                return "a list item ('- ') indented differently from the lines above it: start it in the "
                        + "column of the other items of its list";
            }
            return "a line indented differently from the lines above it: keys of one entry start in the same column";
        }
        if (problem.equals("mapping values are not allowed here")) {
            return "unexpected ':': this line is indented deeper than the key above it (keys of one entry "
                    + "start in the same column), or it is a value that holds ': ' and needs quotes";
        }
        if (isUnclosed(e) && context.startsWith("while parsing a flow sequence")) {
            return "a list in brackets ('[') that is never closed: end it with ']'";
        }
        if (isUnclosed(e) && context.startsWith("while parsing a flow mapping")) {
            return "a mapping in braces ('{') that is never closed: end it with '}'";
        }
        if (context.startsWith("while scanning a quoted scalar")) {
            return "a quoted value that is never closed: end it with the quote it starts with";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "a line without ':' among keys: write it as 'key: value' (or quote it, as the value of the key above)";
        }
        return "syntax error: " + (context.isEmpty() ? "" : context + ": ") + problem;
    }
}
