package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Runs every {@code ./rolegraph} command shown in a {@code console} block of the README and checks
 * that it prints what the README says, so the front door cannot drift from the code. A line "..."
 * in the README stands for any number of lines left out.
 */
class ReadmeExamplesTest {

    @Test
    void everyConsoleExampleInTheReadmePrintsWhatItShows() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        int examples = 0;
        for (int i = 0; i < readme.size(); i++) {
            if (!readme.get(i).equals("```console")) {
                continue;
            }
            List<String> block = new ArrayList<>();
            for (i++; !readme.get(i).equals("```"); i++) {
                block.add(readme.get(i));
            }
            for (int j = 0; j < block.size(); ) {
                String command = block.get(j);
                assertTrue(command.startsWith("$ ./rolegraph "), "a console block starts with a command: " + command);
                List<String> expected = new ArrayList<>();
                for (j++; j < block.size() && !block.get(j).startsWith("$ "); j++) {
                    expected.add(block.get(j));
                }
                Cli cli = Cli.run(command.substring("$ ./rolegraph ".length()).split(" "));
                assertEquals(0, cli.exitCode(), command + "\n" + cli.err());
                assertMatches(command, expected, cli.out().lines().toList());
                examples++;
            }
        }
        assertTrue(examples >= 5, "examples run: " + examples);
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
                while (a < actual.size() && !actual.get(a).equals(line)) {
                    a++;
                }
                skipping = false;
            }
            assertTrue(a < actual.size(), command + ": README line not printed: " + line);
            assertEquals(line, actual.get(a), command);
            a++;
        }
        if (!skipping) {
            assertEquals(actual.size(), a, command + ": printed more than the README shows");
        }
    }
}
