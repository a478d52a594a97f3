package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial of docs/role-data-format.md, run as a newcomer runs it: each command in its own JVM
 * (Main, as the launcher starts it) in a directory that looks like the root of a clone (data/ beside
 * the files the reader writes), every output checked against what the tutorial shows.
 */
class TutorialTest {

    @Test
    void theTutorialTakesANewcomerFromAnEmptyFileToTheirRoleComparedWithACuratedOne(@TempDir Path clone) throws IOException {
        Path data = Files.createSymbolicLink(clone.resolve("data"), Path.of("..", "data").toAbsolutePath().normalize());
        try {
            int commands = ConsoleExamples.check(Path.of("..", "docs", "role-data-format.md"), args -> main(clone, args), clone);
            assertEquals(4, commands);
            assertTrue(Files.isDirectory(clone.resolve("my-store")), "the tutorial's store was created");
        } finally {
            Files.delete(data); // the link, never what it points at
        }
    }

    /** Runs Main with {@code args} in {@code directory}, as {@code ./rolegraph} would. */
    private static Cli main(Path directory, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path out = Files.createTempFile(directory.getParent(), "out", ".txt");
        Path err = Files.createTempFile(directory.getParent(), "err", ".txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("rolegraph " + String.join(" ", args) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Cli result = new Cli(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
