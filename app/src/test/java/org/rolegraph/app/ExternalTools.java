package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The independent checkers in ../tools, for the tests that run them (ExternalToolsTest,
 * server.ServerToolsTest): running one with a time limit, finding a Python 3 with rdflib, and failing
 * with what to do when a tool is missing. tools/setup installs them all. Paths are relative to the
 * working directory, which is app/ under Maven (surefire runs in the module's directory).
 */
public final class ExternalTools {
    private ExternalTools() {}

    public static final Path TOOLS = Path.of("..", "tools");
    public static final Path RDFLIB_CHECK = TOOLS.resolve("check_rdflib.py");
    public static final Path SPARQL_CLIENT_CHECK = TOOLS.resolve("check_sparql_client.py");
    public static final Path JSONLD_DIR = TOOLS.resolve("jsonld-check");
    public static final Path JSONLD_CHECK = JSONLD_DIR.resolve("check.js");
    public static final Path BROWSER_DIR = TOOLS.resolve("browser-check");
    public static final Path BROWSER_CHECK = BROWSER_DIR.resolve("browser.js");
    public static final Path COMUNICA_DIR = TOOLS.resolve("comunica-check");
    /** Comunica's own command line, as a user runs it (npx comunica-sparql). */
    public static final Path COMUNICA_CLI = COMUNICA_DIR.resolve("node_modules").resolve("@comunica").resolve("query-sparql")
            .resolve("bin").resolve("query.js");

    /** The browser the browser check drives: Debian's Chromium, or $ROLEGRAPH_CHROMIUM. */
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ROLEGRAPH_CHROMIUM", "/usr/bin/chromium"));

    public static final String SETUP = "Run tools/setup from the repository root once "
            + "(it installs python3-rdflib, chromium and virtuoso-opensource-7-bin with apt-get and runs npm ci in tools/jsonld-check, "
            + "tools/browser-check, tools/oxigraph and tools/comunica-check).";

    private static String python;

    /** What a tool did: its exit status (-1 when it could not be started) and its output and errors together. */
    public record Result(int exitCode, String output) {
    }

    /**
     * Runs a command in the working directory, output and errors together, with no input; fails the
     * test when it runs longer than the time limit (after killing it and everything it started).
     */
    public static Result run(List<String> command, long timeoutSeconds) {
        Path log = null;
        try {
            log = Files.createTempFile("rolegraph-tool-", ".log");
            Process process;
            try {
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                        .start();
            } catch (IOException e) {
                // The program itself could not be started (not installed, not on PATH).
                return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                fail("timed out after " + timeoutSeconds + " s: " + String.join(" ", command) + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    // a leftover log in the temporary directory is harmless
                }
            }
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /**
     * A Python 3 that can import rdflib: $ROLEGRAPH_PYTHON if set, else python3 on the PATH, else
     * Debian's /usr/bin/python3 (where apt-get installs python3-rdflib even when the PATH's python3 is
     * another installation, such as pyenv's).
     */
    public static synchronized String python() {
        if (python != null) {
            return python;
        }
        Set<String> candidates = new LinkedHashSet<>();
        String configured = System.getenv("ROLEGRAPH_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("python3");
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
            candidates.add("/usr/bin/python3");
        }
        StringBuilder tried = new StringBuilder();
        for (String candidate : candidates) {
            Result r = run(List.of(candidate, "-c", "import rdflib, sys; print(sys.version.split()[0], rdflib.__version__)"), 60);
            if (r.exitCode() == 0) {
                python = candidate;
                return python;
            }
            tried.append("\n  ").append(candidate).append(": ").append(lastLine(r.output()));
        }
        fail("No Python 3 with rdflib found (tried:" + tried + ").\n" + SETUP);
        return null;
    }

    /** Fails, saying to run tools/setup, unless node runs and the npm packages named are in packageDir/node_modules. */
    public static void requireNode(Path packageDir, String... modules) {
        Result node = run(List.of("node", "--version"), 60);
        if (node.exitCode() != 0) {
            fail("node is not installed or not on the PATH (" + lastLine(node.output()) + ").\n" + SETUP);
        }
        for (String module : modules) {
            Path installed = packageDir.resolve("node_modules").resolve(module).resolve("package.json");
            if (!Files.isRegularFile(installed)) {
                fail("The npm package " + module + " is not installed in " + packageDir.resolve("node_modules")
                        + ".\n" + SETUP);
            }
        }
    }

    /** Fails, saying to run tools/setup, unless Chromium is installed. */
    public static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is not installed: there is no " + CHROMIUM + ".\n" + SETUP);
        }
    }

    /** Fails unless a tool's script is there (it is in the repository; the working directory must be app/). */
    public static void requireScript(Path script) {
        if (!Files.isRegularFile(script)) {
            fail("There is no " + script.toAbsolutePath().normalize() + " (the tests run in app/, beside ../tools).\n" + SETUP);
        }
    }

    public static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    /** Asserts that the tool exited 0, showing the command and everything it printed otherwise. */
    public static void assertPasses(Result result, List<String> command) {
        assertEquals(0, result.exitCode(), () -> "the check failed (exit " + result.exitCode() + "): "
                + String.join(" ", command) + "\n" + result.output());
    }
}
