package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Runs every {@code ./rolegraph} command shown in a {@code console} block of the README and checks
 * that it prints what the README says, so the front door cannot drift from the code.
 */
class ReadmeExamplesTest {

    @Test
    void everyConsoleExampleInTheReadmePrintsWhatItShows() throws IOException {
        int examples = ConsoleExamples.check(Path.of("..", "README.md"), args -> Cli.run(args.toArray(String[]::new)), null);
        assertTrue(examples >= 5, "examples run: " + examples);
    }
}
