package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our exports, read back by tools that share no code with Jena: rdflib (Python) parses every RDF
 * syntax and compares it with the N-Quads export, jsonld.js (Node) expands the JSON-LD export and
 * compares its canonical form with the N-Triples export, and checks the schema.org projections
 * against schema.org's vocabulary. The tools live in ../tools and are installed by tools/setup;
 * when one is missing these tests fail, saying so.
 */
class ExternalToolsTest {

    private static final Path TOOLS = Path.of("..", "tools");
    private static final Path RDFLIB_CHECK = TOOLS.resolve("check_rdflib.py");
    private static final Path JSONLD_DIR = TOOLS.resolve("jsonld-check");
    private static final Path JSONLD_CHECK = JSONLD_DIR.resolve("check.js");
    private static final long TIMEOUT_SECONDS = 60;
    private static final String SETUP = "Run tools/setup from the repository root once "
            + "(it installs python3-rdflib with apt-get and runs npm ci in tools/jsonld-check).";

    @TempDir
    static Path dir;

    private static final Map<String, Path> EXPORTS = new HashMap<>();
    private static String python;

    /** Exports once per file name, in this JVM, with -o so the command writes the file itself. */
    private static synchronized Path export(String fileName, String... args) {
        return EXPORTS.computeIfAbsent(fileName, name -> {
            Path file = dir.resolve(name);
            List<String> command = new ArrayList<>(Arrays.asList(args));
            command.add("-o");
            command.add(file.toString());
            Cli cli = Cli.run(command.toArray(String[]::new));
            String shown = "rolegraph " + String.join(" ", command) + "\nout: " + cli.out() + "\nerr: " + cli.err();
            assertEquals(0, cli.exitCode(), shown);
            assertTrue(Files.isRegularFile(file), "no file written: " + shown);
            try {
                assertTrue(Files.size(file) > 0, "empty file: " + shown);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return file;
        });
    }

    private static Path exportFormat(String format, String extension) {
        return export("export." + extension, "export", "--format", format);
    }

    private static Path reference() {
        return export("reference.nq", "export", "--format", "nquads");
    }

    record Result(int exitCode, String output) {
    }

    /** Runs a command in the working directory (app/), output and errors together, with a time limit. */
    private static Result run(List<String> command) {
        try {
            Path log = Files.createTempFile(dir, "tool-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                fail("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command) + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The program itself could not be started (not installed, not on PATH).
            return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /**
     * A Python 3 that can import rdflib: $ROLEGRAPH_PYTHON if set, else python3 on the PATH, else
     * Debian's /usr/bin/python3 (where apt-get installs python3-rdflib even when the PATH's python3 is
     * another installation, such as pyenv's).
     */
    private static synchronized String python() {
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
            Result r = run(List.of(candidate, "-c", "import rdflib, sys; print(sys.version.split()[0], rdflib.__version__)"));
            if (r.exitCode() == 0) {
                python = candidate;
                return python;
            }
            tried.append("\n  ").append(candidate).append(": ").append(lastLine(r.output()));
        }
        fail("No Python 3 with rdflib found (tried:" + tried + ").\n" + SETUP);
        return null;
    }

    private static void requireNodeTools() {
        Result node = run(List.of("node", "--version"));
        if (node.exitCode() != 0) {
            fail("node is not installed or not on the PATH (" + lastLine(node.output()) + ").\n" + SETUP);
        }
        for (String module : List.of("jsonld", "schema-dts")) {
            Path installed = JSONLD_DIR.resolve("node_modules").resolve(module).resolve("package.json");
            if (!Files.isRegularFile(installed)) {
                fail("The npm package " + module + " is not installed in " + JSONLD_DIR.resolve("node_modules")
                        + ".\n" + SETUP);
            }
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static void assertPasses(Result result, List<String> command) {
        assertEquals(0, result.exitCode(), () -> "the check failed (exit " + result.exitCode() + "): "
                + String.join(" ", command) + "\n" + result.output());
    }

    @ParameterizedTest(name = "rdflib reads the {0} export as the same RDF as the N-Quads export")
    @CsvSource({
        "turtle,   ttl,  turtle",
        "ntriples, nt,   nt",
        "nquads,   nq,   nquads",
        "trig,     trig, trig",
        "rdfxml,   rdf,  xml",
    })
    void rdflibReadsTheSameRdf(String format, String extension, String rdflibFormat) {
        String interpreter = python();
        Path reference = reference();
        Path file = exportFormat(format, extension);
        List<String> command = List.of(interpreter, RDFLIB_CHECK.toString(), reference.toString(), file.toString(),
                rdflibFormat);
        Result result = run(command);
        assertPasses(result, command);
        assertTrue(result.output().contains("OK:"), result.output());
    }

    @Test
    void jsonldJsExpandsTheJsonLdExportToTheSameRdfAsTheNTriplesExport() {
        requireNodeTools();
        Path jsonld = exportFormat("jsonld", "jsonld");
        Path ntriples = exportFormat("ntriples", "nt");
        List<String> command = List.of("node", JSONLD_CHECK.toString(), "expand", jsonld.toString(),
                ntriples.toString());
        Result result = run(command);
        assertPasses(result, command);
        assertTrue(result.output().contains("OK:"), result.output());
    }

    @ParameterizedTest(name = "the schema.org projection of {0} uses only real schema.org terms")
    @ValueSource(strings = {"product-manager", "delivery-manager"})
    void theSchemaOrgProjectionUsesRealSchemaOrgTerms(String role) {
        requireNodeTools();
        Path file = export("schema-org-" + role + ".json", "export", "--role", role, "--schema-org");
        List<String> command = List.of("node", JSONLD_CHECK.toString(), "schema-org", file.toString());
        Result result = run(command);
        assertPasses(result, command);
        assertTrue(result.output().contains("OK:"), result.output());
    }
}
