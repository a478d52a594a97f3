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

    @Test
    void loadIsRefusedEvenWithCredentials() {
        HttpResponse<byte[]> response = update("LOAD <file:///etc/passwd> INTO GRAPH <http://example.org/g>", "editor:s3cret");
        assertEquals(400, response.statusCode());
        assertTrue(Http.text(response).contains("LOAD is not allowed"), Http.text(response));
        assertTrue(!ask("GRAPH <http://example.org/g> { ?s ?p ?o }"));
    }
}
