package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rolegraph.app.ExternalTools.BROWSER_CHECK;
import static org.rolegraph.app.ExternalTools.BROWSER_DIR;
import static org.rolegraph.app.ExternalTools.JSONLD_CHECK;
import static org.rolegraph.app.ExternalTools.JSONLD_DIR;
import static org.rolegraph.app.ExternalTools.RDFLIB_CHECK;
import static org.rolegraph.app.ExternalTools.SPARQL_CLIENT_CHECK;
import static org.rolegraph.app.ExternalTools.assertPasses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolegraph.app.EmbeddedData;
import org.rolegraph.app.ExternalTools;
import org.rolegraph.model.IriScheme;

/**
 * The running server, seen by clients that share no code with Jena: Debian's Chromium (driven by
 * playwright-core) clicks through the pages, rdflib's SPARQL client queries the endpoint, and rdflib
 * and jsonld.js read the role IRI's Turtle, JSON-LD and N-Triples as one graph. The tools live in
 * ../tools and are installed by tools/setup; when one is missing these tests fail, saying so.
 * The browser check's screenshots are left in target/screenshots.
 */
class ServerToolsTest {

    private static final long TIMEOUT_SECONDS = 120;
    private static final String ROLE = "product-manager";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = RoleGraphServer.create(EmbeddedData.load(IriScheme.DEFAULT)).port(0).start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static ExternalTools.Result run(List<String> command) {
        return ExternalTools.run(command, TIMEOUT_SECONDS);
    }

    private static void passes(List<String> command) {
        ExternalTools.Result result = run(command);
        assertPasses(result, command);
        assertTrue(result.output().contains("OK:"), () -> String.join(" ", command) + " passed without saying OK:\n"
                + result.output());
    }

    @Test
    void chromiumClicksThroughTheHomeRoleAndComparePages() throws IOException {
        ExternalTools.requireScript(BROWSER_CHECK);
        ExternalTools.requireNode(BROWSER_DIR, "playwright-core");
        ExternalTools.requireChromium();
        Files.createDirectories(SCREENSHOTS);
        List<String> shots = List.of("home.png", "role.png", "compare.png", "compare-phone.png");
        for (String shot : shots) {
            Files.deleteIfExists(SCREENSHOTS.resolve(shot));
        }
        passes(List.of("node", BROWSER_CHECK.toString(), base, SCREENSHOTS.toString()));
        for (String shot : shots) {
            Path file = SCREENSHOTS.resolve(shot);
            assertTrue(Files.isRegularFile(file) && Files.size(file) > 1000, "no screenshot " + file.toAbsolutePath());
        }
    }

    @Test
    void comunicaFindsTheEndpointByItsServiceDescriptionAndAnswersWithoutAWarning() {
        ExternalTools.requireNode(ExternalTools.COMUNICA_DIR, "@comunica/query-sparql");
        String query = "SELECT ?role WHERE { ?role a <" + org.rolegraph.model.RG.Role.getURI() + "> } ORDER BY ?role";
        // The source is given as a bare URL, as users do: Comunica then reads what the URL answers to a GET.
        List<String> command = List.of("node", ExternalTools.COMUNICA_CLI.toString(), base + RoleGraphServer.DATASET + "/sparql", query);
        ExternalTools.Result result = run(command);
        assertPasses(result, command);
        assertTrue(!result.output().contains("WARN") && !result.output().contains("ERROR"), result.output());
        List<String> expected;
        try (org.apache.jena.query.QueryExecution local = org.apache.jena.query.QueryExecution
                .dataset(org.apache.jena.query.DatasetFactory.wrap(EmbeddedData.load(IriScheme.DEFAULT))).query(query).build()) {
            List<String> iris = new java.util.ArrayList<>();
            local.execSelect().forEachRemaining(row -> iris.add("{\"role\":\"" + row.getResource("role").getURI() + "\"}"));
            expected = iris;
        }
        assertTrue(expected.size() >= 18, "curated roles: " + expected);
        assertEquals(expected, result.output().lines().filter(line -> line.startsWith("{")).map(l -> l.replaceFirst(",$", "")).toList());
    }

    @Test
    void rdflibsSparqlClientQueriesTheEndpoint() {
        ExternalTools.requireScript(SPARQL_CLIENT_CHECK);
        String python = ExternalTools.python();
        passes(List.of(python, SPARQL_CLIENT_CHECK.toString(), base + RoleGraphServer.DATASET + "/sparql"));
    }

    @Test
    void theRoleIrisTurtleJsonLdAndNTriplesAreOneGraphToRdflibAndJsonLdJs(@TempDir Path dir) {
        ExternalTools.requireScript(RDFLIB_CHECK);
        ExternalTools.requireScript(JSONLD_CHECK);
        String python = ExternalTools.python();
        ExternalTools.requireNode(JSONLD_DIR, "jsonld");

        Path turtle = fetch("/role/" + ROLE, "text/turtle", "text/turtle", dir.resolve(ROLE + ".ttl"));
        Path jsonld = fetch("/role/" + ROLE, "application/ld+json", "application/ld+json", dir.resolve(ROLE + ".jsonld"));
        Path ntriples = fetch("/role/" + ROLE + "?format=nt", null, "application/n-triples", dir.resolve(ROLE + ".nt"));
        String nt = read(ntriples);
        // Not trivially equal: the reference is the role's document, not an empty graph.
        assertTrue(nt.contains("<https://w3id.org/rolegraph/role/" + ROLE + ">") && nt.lines().count() > 20,
                "the N-Triples of /role/" + ROLE + "?format=nt are not the role's document:\n" + nt);

        // An N-Triples file is an N-Quads file with everything in the default graph.
        passes(List.of(python, RDFLIB_CHECK.toString(), ntriples.toString(), turtle.toString(), "turtle"));
        passes(List.of("node", JSONLD_CHECK.toString(), "expand", jsonld.toString(), ntriples.toString()));
    }

    /** GETs base + path (with Accept when given), asserts 200 and the media type, and writes the body to file. */
    private static Path fetch(String path, String accept, String mediaType, Path file) {
        HttpResponse<byte[]> response = Http.send(accept == null ? Http.get(base + path).build()
                : Http.get(base + path, "Accept", accept).build());
        String shown = "GET " + path + (accept == null ? "" : " (Accept: " + accept + ")");
        assertEquals(200, response.statusCode(), () -> shown + " answered " + response.statusCode() + ":\n" + Http.text(response));
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith(mediaType), shown + " answered Content-Type " + contentType + ", not " + mediaType);
        assertTrue(response.body().length > 0, shown + " answered an empty body");
        try {
            return Files.write(file, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
