package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolegraph.app.EmbeddedData;
import org.rolegraph.model.IriScheme;

/** With --allow-update, writes need a password, and LOAD stays refused. */
class UpdateServerTest {

    @TempDir
    static Path dir;

    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Path passwords = Files.writeString(dir.resolve("passwords"), "editor: s3cret\n");
        server = RoleGraphServer.create(EmbeddedData.load(IriScheme.DEFAULT)).port(0).allowUpdate(passwords.toString()).start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<byte[]> update(String update, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/rolegraph/update"))
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(update));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return Http.send(request.build());
    }

    private static boolean ask(String pattern) {
        String query = java.net.URLEncoder.encode("ASK { " + pattern + " }", StandardCharsets.UTF_8);
        return Http.text(Http.send(Http.get(base + "/rolegraph/sparql?query=" + query, "Accept", "text/csv").build())).contains("true");
    }

    @Test
    void updatesNeedCredentials() {
        String insert = "INSERT DATA { GRAPH <https://w3id.org/rolegraph/graph/test> { <http://example.org/a> <http://example.org/b> \"c\" } }";
        assertEquals(401, update(insert, null).statusCode());
        assertEquals(401, update(insert, "editor:wrong").statusCode());
        assertTrue(!ask("<http://example.org/a> ?p ?o"));
        assertEquals(2, update(insert, "editor:s3cret").statusCode() / 100, "a 2xx status");
        assertTrue(ask("GRAPH ?g { <http://example.org/a> ?p ?o }"));
    }

    private static HttpResponse<byte[]> put(String graph, String type, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(base + "/rolegraph/graph?graph=" + graph))
                .timeout(java.time.Duration.ofSeconds(30)).header("Content-Type", type)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("editor:s3cret".getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void deeplyNestedRdfIsRefusedWithItsPlace() {
        // 100,000 nested collections fit in the body cap and overflow the stack of Jena's parser.
        String nested = "<http://example.org/s> <http://example.org/p> " + "(".repeat(100_000) + ")".repeat(100_000) + " .\n";
        for (String type : java.util.List.of("text/turtle", "application/trig")) {
            HttpResponse<byte[]> refused = put("http://example.org/nested", type, nested);
            assertEquals(400, refused.statusCode(), type + ": " + Http.text(refused));
            assertTrue(Http.text(refused).contains("nested more than 256 deep"), Http.text(refused));
        }
        assertTrue(!ask("GRAPH <http://example.org/nested> { ?s ?p ?o }"));
        assertEquals(2, put("http://example.org/nested", "text/turtle",
                "<http://example.org/s> <http://example.org/p> ((1) (2)) .\n").statusCode() / 100);
        assertTrue(ask("GRAPH <http://example.org/nested> { <http://example.org/s> ?p ?o }"));
    }

    @Test
    void aJsonLdUploadNeverFetchesItsContext() throws IOException {
        try (CountingListener listener = new CountingListener()) {
            String document = "{\"@context\": \"http://127.0.0.1:" + listener.port() + "/context.jsonld\", "
                    + "\"@id\": \"http://example.org/s\", \"name\": \"x\"}";
            HttpResponse<byte[]> refused = put("http://example.org/jsonld", "application/ld+json", document);
            assertEquals(400, refused.statusCode(), Http.text(refused));
            assertTrue(Http.text(refused).contains("never fetches remote JSON-LD contexts"), Http.text(refused));
            assertEquals(0, listener.connections(), "no connection to the context's host");
        }
    }

    @Test
    void loadIsRefusedEvenWithCredentials() {
        HttpResponse<byte[]> response = update("LOAD <file:///etc/passwd> INTO GRAPH <http://example.org/g>", "editor:s3cret");
        assertEquals(400, response.statusCode());
        assertTrue(Http.text(response).contains("LOAD is not allowed"), Http.text(response));
        assertTrue(!ask("GRAPH <http://example.org/g> { ?s ?p ?o }"));
    }
}
