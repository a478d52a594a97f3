package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rolegraph.app.ExternalTools.JSONLD_CHECK;
import static org.rolegraph.app.ExternalTools.JSONLD_DIR;
import static org.rolegraph.app.ExternalTools.RDFLIB_CHECK;
import static org.rolegraph.app.ExternalTools.assertPasses;
import static org.rolegraph.app.ExternalTools.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * when one is missing these tests fail, saying so ({@link ExternalTools} runs them).
 */
class ExternalToolsTest {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    static Path dir;

    private static final Map<String, Path> EXPORTS = new HashMap<>();

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

    private static ExternalTools.Result run(List<String> command) {
        return ExternalTools.run(command, TIMEOUT_SECONDS);
    }

    private static void requireNodeTools() {
        ExternalTools.requireNode(JSONLD_DIR, "jsonld", "schema-dts");
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
        ExternalTools.Result result = run(command);
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
        ExternalTools.Result result = run(command);
        assertPasses(result, command);
        assertTrue(result.output().contains("OK:"), result.output());
    }

    @ParameterizedTest(name = "the schema.org projection of {0} uses only real schema.org terms")
    @ValueSource(strings = {"product-manager", "delivery-manager"})
    void theSchemaOrgProjectionUsesRealSchemaOrgTerms(String role) {
        requireNodeTools();
        Path file = export("schema-org-" + role + ".json", "export", "--role", role, "--schema-org");
        List<String> command = List.of("node", JSONLD_CHECK.toString(), "schema-org", file.toString());
        ExternalTools.Result result = run(command);
        assertPasses(result, command);
        assertTrue(result.output().contains("OK:"), result.output());
    }
}
