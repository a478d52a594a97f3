package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** tools/setup, read as a reviewer reads it: what it asks apt-get for. */
class SetupScriptTest {

    @Test
    void everyAptInstallLeavesRecommendedPackagesOut() throws IOException {
        // Chromium's recommended packages brought avahi, CUPS helpers and ~600 lines of apt output.
        List<String> installs = Files.readAllLines(Path.of("..", "tools", "setup")).stream()
                .filter(line -> line.contains("as_root apt-get install")).toList();
        assertFalse(installs.isEmpty(), "tools/setup installs nothing with apt-get");
        for (String line : installs) {
            assertTrue(line.contains("--no-install-recommends"), line);
        }
    }
}
