package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/errors.md lists every error the command line can give: for each error the app's code raises
 * (a UserFacingException, or a picocli ParameterException of its own), the most telling fixed part of
 * its message (its longest string literal) must be on the page; and each exit code the page gives is
 * the one the code names.
 */
class ErrorsDocTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern RAISED = Pattern.compile("new (?:picocli\\.CommandLine\\.)?(UserFacingException|ParameterException)\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The text of the call that starts at {@code open} (the opening parenthesis), up to its closing one. */
    private static String call(String source, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(open, i + 1);
            }
        }
        throw new IllegalStateException("unclosed call at " + open);
    }

    @Test
    void everyErrorTheCodeRaisesIsOnThePage() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "errors.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        int raised = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = RAISED.matcher(source);
                while (m.find()) {
                    String text = call(source, m.end() - 1);
                    String longest = "";
                    Matcher literal = LITERAL.matcher(text);
                    while (literal.find()) {
                        String value = literal.group(1).replace("\\\"", "\"").replace("\\\\", "\\").strip();
                        if (value.length() > longest.length()) {
                            longest = value;
                        }
                    }
                    if (longest.isEmpty()) {
                        continue; // a library's own message, passed on (an unknown role or graph, say)
                    }
                    raised++;
                    if (!page.contains(longest)) {
                        missing.add(file.getFileName() + ": " + longest);
                    }
                }
            }
        }
        assertTrue(raised > 40, "errors found in the code: " + raised);
        assertEquals(List.of(), missing, "errors the code raises and docs/errors.md does not list");
    }

    @Test
    void thePageGivesTheExitCodesTheCodeNames() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "errors.md"), StandardCharsets.UTF_8);
        assertTrue(page.contains("| " + RoleGraphCommand.EXIT_PROBLEMS + " | the input had problems"), page);
        assertTrue(page.contains("| " + RoleGraphCommand.EXIT_USAGE + " | the command line was wrong"), page);
        assertTrue(page.contains("| " + RoleGraphCommand.EXIT_FAILURE + " | a failure outside the input"), page);
        assertTrue(page.contains("## " + RoleGraphCommand.EXIT_PROBLEMS + ": problems in the input"));
        assertTrue(page.contains("## " + RoleGraphCommand.EXIT_USAGE + ": the command line"));
        assertTrue(page.contains("## " + RoleGraphCommand.EXIT_FAILURE + ": failures outside the input"));
    }
}
