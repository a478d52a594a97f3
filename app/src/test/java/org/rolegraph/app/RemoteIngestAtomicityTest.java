package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * A remote ingest is all or nothing: a proxy in front of a real Fuseki server (another JVM) fails the
 * Nth write request (Graph Store Protocol or SPARQL Update; the reads all come first) of an ingest
 * that changes two sources' graphs, for N = 1, 2, ... until the ingest goes through. After every failure the store holds exactly what it held before (isomorphic datasets, so
 * no staging graph is left either) and the error names the failed request; the run without a failure
 * leaves both changes in place. Graphs are sent in batches of 60 statements here (a PUT, then POSTs),
 * so failures fall on the POSTs that add to a staging graph too.
 */
class RemoteIngestAtomicityTest {

    private static PeerStores.Peer fuseki;
    private static String direct;
    private static HttpServer proxy;
    /** The write request the proxy fails (1-based), or 0 for none; and how many writes it has seen. */
    private static final AtomicInteger FAIL_AT = new AtomicInteger();
    private static final AtomicInteger SEEN = new AtomicInteger();

    @BeforeAll
    static void startFusekiBehindAProxy() throws IOException {
        fuseki = PeerStores.fuseki(true);
        direct = "http://127.0.0.1:" + fuseki.port() + "/rolegraph";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            // Only requests that write count: the reads all come before the first write and change nothing.
            String path = exchange.getRequestURI().getPath();
            boolean writes = path.endsWith("/data") || path.endsWith("/update");
            if (writes && SEEN.incrementAndGet() == FAIL_AT.get()) {
                byte[] message = "injected failure\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(503, message.length);
                exchange.getResponseBody().write(message);
                exchange.close();
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fuseki.port()
                    + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Content-Type", "Accept")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            try {
                HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
                byte[] content = answer.body();
                exchange.sendResponseHeaders(answer.statusCode(), content.length == 0 ? -1 : content.length);
                exchange.getResponseBody().write(content);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
            exchange.close();
        });
        proxy.start();
        Cli load = Cli.run("ingest", "-q", "--endpoint", direct + "/sparql", Path.of("..", "data").toString());
        assertEquals(0, load.exitCode(), load.err());
        System.setProperty(Backend.STATEMENTS_PER_REQUEST, "60");
    }

    @AfterAll
    static void stop() {
        System.clearProperty(Backend.STATEMENTS_PER_REQUEST);
        if (proxy != null) {
            proxy.stop(0);
        }
        if (fuseki != null) {
            fuseki.close();
        }
    }

    private static DatasetGraph snapshot() {
        try (RDFConnection connection = RDFConnection.connect(direct)) {
            return connection.fetchDataset().asDatasetGraph();
        }
    }

    @Test
    void aFailureAtAnyRequestLeavesTheStoreAsItWas(@TempDir Path dir) throws IOException {
        // Two files of the curated data set, their sources retitled: an ingest that replaces two graphs
        // and checks their references against the rest of the data set, already in the store.
        List<String> files = new ArrayList<>();
        for (String name : Files.readAllLines(Path.of("..", "data", "index.txt"))) {
            if (name.endsWith("product-vs-delivery-manager.yaml") || name.endsWith("product-vs-project-manager-faq.yaml")) {
                Path copy = dir.resolve(Path.of(name).getFileName());
                String text = Files.readString(Path.of("..", "data").resolve(name));
                Files.writeString(copy, text.replaceFirst("(?m)^    title: .*$", "    title: A source renamed by this test (retitled)"));
                files.add(copy.toString());
            }
        }
        assertEquals(2, files.size(), "files to retitle");
        String endpoint = "http://127.0.0.1:" + proxy.getAddress().getPort() + "/rolegraph/sparql";
        DatasetGraph before = snapshot();
        int failures = 0;
        Set<String> methods = new TreeSet<>();
        for (int n = 1; n < 200; n++) {
            FAIL_AT.set(n);
            SEEN.set(0);
            // Where writes go given, so every request the ingest makes is one it needs (no service description lookup).
            List<String> args = new ArrayList<>(List.of("ingest", "-q", "--endpoint", endpoint,
                    "--gsp", endpoint.replace("/sparql", "/data"), "--update", endpoint.replace("/sparql", "/update")));
            args.addAll(files);
            Cli cli = Cli.run(args.toArray(String[]::new));
            if (cli.exitCode() == 0) {
                assertTrue(SEEN.get() < n, "the ingest succeeded although request " + n + " failed");
                break;
            }
            failures++;
            assertTrue(cli.err().contains("503"), "request " + n + ": " + cli.err());
            java.util.regex.Matcher staging = java.util.regex.Pattern.compile("(PUT|POST) \\S+/data\\?graph=urn").matcher(cli.err());
            if (staging.find()) {
                methods.add(staging.group(1));
            }
            assertTrue(IsoMatcher.isomorphic(before, snapshot()),
                    "write " + n + " failed and the store changed: " + cli.err());
        }
        FAIL_AT.set(0);
        assertTrue(failures >= 4, "too few requests to fail: " + failures);
        assertEquals(Set.of("POST", "PUT"), methods, "failed staging requests");
        DatasetGraph after = snapshot();
        assertFalse(IsoMatcher.isomorphic(before, after));
        try (RDFConnection connection = RDFConnection.connect(direct)) {
            long retitled = connection.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <http://purl.org/dc/terms/title> ?t "
                    + "FILTER (STRENDS(STR(?t), \"(retitled)\")) } }").execSelect().next().getLiteral("n").getLong();
            assertEquals(2, retitled);
            long staging = connection.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                    + "FILTER (STRSTARTS(STR(?g), \"urn:rolegraph:staging:\")) }").execSelect().next().getLiteral("n").getLong();
            assertEquals(0, staging);
        }
    }
}
