package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolegraph.export.RdfFiles;

/** rolegraph export on the embedded data set: files, formats, role documents, errors. */
class ExportCommandTest {

    @Test
    void turtleAndJsonLdFilesHoldTheSameGraph(@TempDir Path dir) throws IOException {
        Path turtle = dir.resolve("roles.ttl");
        Path jsonld = dir.resolve("roles.jsonld");
        Cli ttl = Cli.run("export", "--format", "turtle", "-o", turtle.toString());
        assertEquals(0, ttl.exitCode(), ttl.err());
        assertTrue(ttl.out().startsWith("exported "), ttl.out());
        Cli json = Cli.run("export", "--format", "jsonld", "-o", jsonld.toString());
        assertEquals(0, json.exitCode(), json.err());
        DatasetGraph fromTurtle = RdfFiles.read(turtle);
        DatasetGraph fromJsonLd = RdfFiles.read(jsonld);
        assertTrue(fromTurtle.getDefaultGraph().size() > 1000);
        assertTrue(IsoMatcher.isomorphic(fromTurtle, fromJsonLd));
    }

    @Test
    void exportsAreByteIdenticalRunAfterRun(@TempDir Path dir) throws IOException {
        for (String format : new String[] {"turtle", "jsonld", "trig", "nquads"}) {
            Path first = dir.resolve("first." + format);
            Path second = dir.resolve("second." + format);
            assertEquals(0, Cli.run("export", "--format", format, "-o", first.toString()).exitCode());
            assertEquals(0, Cli.run("export", "--format", format, "-o", second.toString()).exitCode());
            assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), format);
        }
    }

    @Test
    void aFramedRoleIsOneReadableObject() throws IOException {
        Cli cli = Cli.run("export", "--role", "product-manager", "--format", "jsonld", "--frame");
        assertEquals(0, cli.exitCode(), cli.err());
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertTrue(json.isObject());
        assertEquals("role/product-manager", json.get("@id").asText());
        assertTrue(json.get("estimatedSalary").size() >= 3, "seed 000, seed 004 and BLS figures");
        assertTrue(json.get("@context").isObject(), "the context travels with the document");
    }

    @Test
    void theSchemaOrgProjectionIsReadyToEmbed() throws IOException {
        Cli cli = Cli.run("export", "--role", "delivery-manager", "--schema-org");
        assertEquals(0, cli.exitCode(), cli.err());
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertEquals("https://schema.org", json.get("@context").asText());
        assertEquals("Occupation", json.get("@type").asText());
        assertEquals("Delivery manager", json.get("name").asText());
    }

    @Test
    void aRoleIsNamedByAnyOfItsNames() {
        Cli byId = Cli.run("export", "--role", "delivery-manager", "--schema-org");
        assertEquals(0, byId.exitCode(), byId.err());
        Cli byLabel = Cli.run("export", "--role", "DELIVERY MANAGER", "--schema-org");
        assertEquals(0, byLabel.exitCode(), byLabel.err());
        assertEquals(byId.out(), byLabel.out());
        Cli vague = Cli.run("export", "--role", "manager", "--format", "turtle");
        assertEquals(1, vague.exitCode(), vague.err());
        // Every curated id ends in -manager as well; the closest three are listed, never a guess.
        assertTrue(vague.err().contains("unknown role 'manager'; closest ids: ") && vague.err().contains("product-manager"), vague.err());
    }

    @Test
    void badRequestsAreRefusedWithOneLine(@TempDir Path dir) {
        Cli format = Cli.run("export", "--format", "yaml");
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("--format yaml"), format.err());
        Cli frame = Cli.run("export", "--frame");
        assertEquals(2, frame.exitCode());
        Cli unknown = Cli.run("export", "--role", "no-such-role", "--format", "turtle");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown role 'no-such-role'"), unknown.err());
        Path nowhere = dir.resolve("missing").resolve("roles.ttl");
        Cli unwritable = Cli.run("export", "-o", nowhere.toString());
        assertEquals(3, unwritable.exitCode());
        assertEquals(1, unwritable.err().lines().count(), unwritable.err());
        assertFalse(Files.exists(nowhere));
    }
}
