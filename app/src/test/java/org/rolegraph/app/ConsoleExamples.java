package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code ./rolegraph} commands of a Markdown file's {@code console} blocks and checks each
 * prints what the file shows, so documentation cannot drift from the code. In the expected output a
 * line "..." stands for any number of lines left out, and a line ending in "..." for any line that
 * starts with what comes before it. A {@code yaml file=NAME} block is written to NAME when reached,
 * as the reader would save it.
 */
final class ConsoleExamples {

    /** Runs one command line (the words after {@code ./rolegraph}). */
    interface Runner {
        Cli run(List<String> args) throws IOException;
    }

    private ConsoleExamples() {}

    /** Runs every example of {@code markdown} in order; returns how many commands ran. */
    static int check(Path markdown, Runner runner, Path files) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        int examples = 0;
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i);
            if (!fence.equals("```console") && !fence.startsWith("```yaml file=")) {
                continue;
            }
            List<String> block = new ArrayList<>();
            for (i++; !lines.get(i).equals("```"); i++) {
                block.add(lines.get(i));
            }
            if (fence.startsWith("```yaml file=")) {
                Files.write(files.resolve(fence.substring("```yaml file=".length())), block);
                continue;
            }
            for (int j = 0; j < block.size(); ) {
                String command = block.get(j);
                assertTrue(command.startsWith("$ ./rolegraph "), "a console block starts with a command: " + command);
                List<String> expected = new ArrayList<>();
                for (j++; j < block.size() && !block.get(j).startsWith("$ "); j++) {
                    expected.add(block.get(j));
                }
                Cli cli = runner.run(List.of(command.substring("$ ./rolegraph ".length()).split(" ")));
                assertEquals(0, cli.exitCode(), command + "\n" + cli.err());
                assertMatches(command, expected, cli.out().lines().toList());
                examples++;
            }
        }
        return examples;
    }

    /** Lines must match in order; "..." skips any lines up to the next expected one. */
    private static void assertMatches(String command, List<String> expected, List<String> actual) {
        int a = 0;
        boolean skipping = false;
        for (String line : expected) {
            if (line.equals("...")) {
                skipping = true;
                continue;
            }
            if (skipping) {
                while (a < actual.size() && !matches(line, actual.get(a))) {
                    a++;
                }
                skipping = false;
            }
            assertTrue(a < actual.size(), command + ": line not printed: " + line + "\nprinted:\n" + String.join("\n", actual));
            assertTrue(matches(line, actual.get(a)), command + ": expected\n" + line + "\nbut printed\n" + actual.get(a));
            a++;
        }
        if (!skipping) {
            assertEquals(actual.size(), a, command + ": printed more than shown");
        }
    }

    private static boolean matches(String expected, String actual) {
        return expected.endsWith("...") ? actual.startsWith(expected.substring(0, expected.length() - 3))
                : expected.equals(actual);
    }
}
