package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile input in another JVM with a 64 MiB heap and a 512 KiB thread stack: a 200 MB unterminated
 * literal (Turtle short and long strings, YAML, JSON) and a million nested brackets (Turtle, JSON,
 * YAML). Each is refused with its line and column, in bounded time; none ends in an
 * OutOfMemoryError or a StackOverflowError.
 */
class HostileInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            turtle-literal      | 1 | longer than 4 MiB
            turtle-long-literal | 349526 | longer than 4 MiB
            turtle-nesting      | 1 | nested more than 256 deep
            yaml-literal        | 4 | a single value runs over 4 MiB
            yaml-long-literal   | 0 | a single value runs over 4 MiB
            json-literal        | 1 | exceeds the maximum allowed (1000000
            json-nesting        | 1 | nest
            yaml-nesting        | 1 | nest
            """)
    void refusedWithALocationUnderASmallHeap(String kind, long line, String message) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-Xss512k",
                "-cp", System.getProperty("java.class.path"), HostileInputMain.class.getName(), kind)
                .redirectErrorStream(true).start();
        boolean finished = child.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        assertTrue(finished, kind + " finished within 60 s");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String last = output.substring(output.lastIndexOf('\n') + 1);
        assertEquals(0, child.exitValue(), output);
        // Line 0 stands for a string over many lines, refused where the bound is hit (after read-ahead).
        assertTrue(last.startsWith(line == 0 ? "REFUSED [line: " : "REFUSED [line: " + line + ", col: "), last);
        assertTrue(last.contains(message), last);
    }
}
