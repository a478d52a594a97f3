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
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * A remote ingest is all or nothing: a proxy in front of a real store fails the Nth write request
 * (Graph Store Protocol or SPARQL Update; the reads all come first) of an ingest that changes two
 * sources' graphs, for N = 1, 2, ... until the ingest goes through. After every failure the store holds
 * exactly what it held before (no staging graph left either) and the error names the failed request;
 * the run without a failure leaves both changes in place. Graphs are sent in batches of 60 statements
 * here (a PUT, then POSTs), so failures fall on the POSTs that add to a staging graph too. Two stores:
 * Fuseki (another JVM; compared whole, as isomorphic datasets) and Virtuoso 7 (Debian's, with digest
 * authentication, which the proxy passes through; compared by the bytes of an N-Quads export of its
 * role data and the statement count of each of its graphs, its own system graphs included, since it
 * offers no Graph Store read of the whole dataset).
 */
class RemoteIngestAtomicityTest {

    /** A store behind the proxy: how the ingest reaches it, which paths write, and its state. */
    private record Target(String name, int port, Function<String, List<String>> endpointArgs, Set<String> writePaths,
            Supplier<Object> snapshot, BiPredicate<Object, Object> same) {}

    private static final List<PeerStores.Peer> PEERS = new ArrayList<>();
    private static Path dir;
    private static HttpServer proxy;
    /** The store the proxy forwards to. */
    private static volatile Target target;
    /** The write request the proxy fails (1-based), or 0 for none; and how many writes it has seen. */
    private static final AtomicInteger FAIL_AT = new AtomicInteger();
    private static final AtomicInteger SEEN = new AtomicInteger();

    @BeforeAll
    static void startProxy() throws IOException {
        dir = Files.createTempDirectory("rolegraph-atomicity");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            // Only requests that write count: the reads all come before the first write and change nothing.
            Target to = target;
            String path = exchange.getRequestURI().getPath();
            if (to.writePaths().contains(path) && SEEN.incrementAndGet() == FAIL_AT.get()) {
                byte[] message = "injected failure\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(503, message.length);
                exchange.getResponseBody().write(message);
                exchange.close();
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port()
                    + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Content-Type", "Accept", "Authorization")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            try {
                HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                for (String header : List.of("Content-Type", "WWW-Authenticate")) {
                    answer.headers().allValues(header).forEach(v -> exchange.getResponseHeaders().add(header, v));
                }
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
        System.setProperty(Backend.STATEMENTS_PER_REQUEST, "60");
    }

    @AfterAll
    static void stop() throws IOException {
        System.clearProperty(Backend.STATEMENTS_PER_REQUEST);
        if (proxy != null) {
            proxy.stop(0);
        }
        PEERS.forEach(PeerStores.Peer::close);
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aFailureAtAnyRequestLeavesFusekiAsItWas() throws IOException {
        PeerStores.Peer fuseki = PeerStores.fuseki(true);
        PEERS.add(fuseki);
        String direct = "http://127.0.0.1:" + fuseki.port() + "/rolegraph";
        Supplier<Object> snapshot = () -> {
            try (RDFConnection connection = RDFConnection.connect(direct)) {
                return connection.fetchDataset().asDatasetGraph();
            }
        };
        // Where writes go given, so every request the ingest makes is one it needs (no service description lookup).
        failEveryWriteInTurn(new Target("Fuseki", fuseki.port(),
                base -> List.of("--endpoint", base + "/rolegraph/sparql", "--gsp", base + "/rolegraph/data",
                        "--update", base + "/rolegraph/update"),
                Set.of("/rolegraph/data", "/rolegraph/update"), snapshot,
                (before, after) -> IsoMatcher.isomorphic((DatasetGraph) before, (DatasetGraph) after)),
                direct + "/sparql");
    }

    @Test
    void aFailureAtAnyRequestLeavesVirtuosoAsItWas() throws IOException {
        PeerStores.Peer virtuoso = PeerStores.virtuoso(Files.createDirectory(dir.resolve("virtuoso")));
        PEERS.add(virtuoso);
        String direct = "http://127.0.0.1:" + virtuoso.port();
        Path password = Files.writeString(dir.resolve("password"), "dba\n");
        Function<String, List<String>> endpointArgs = base -> List.of("--endpoint", base + "/sparql",
                "--gsp", base + "/sparql-graph-crud-auth", "--update", base + "/sparql-auth",
                "--user", "dba", "--password-file", password.toString());
        Path export = dir.resolve("virtuoso.nq");
        Supplier<Object> snapshot = () -> {
            Cli cli = Cli.run("export", "-q", "--endpoint", direct + "/sparql", "--format", "nquads", "-o", export.toString());
            assertEquals(0, cli.exitCode(), cli.err());
            StringBuilder state = new StringBuilder();
            try (RDFConnection connection = RDFConnection.connect(direct + "/sparql")) {
                connection.querySelect("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
                        row -> state.append(row.get("g")).append(' ').append(row.get("n")).append('\n'));
                state.append(Files.readString(export, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return state.toString();
        };
        failEveryWriteInTurn(new Target("Virtuoso", virtuoso.port(), endpointArgs,
                Set.of("/sparql-graph-crud-auth", "/sparql-auth"), snapshot, Object::equals), direct + "/sparql");
    }

    private static void failEveryWriteInTurn(Target store, String directQueryUrl) throws IOException {
        target = store;
        FAIL_AT.set(0);
        List<String> load = new ArrayList<>(List.of("ingest", "-q"));
        load.addAll(store.endpointArgs().apply("http://127.0.0.1:" + store.port()));
        load.add(Path.of("..", "data").toString());
        Cli loaded = Cli.run(load.toArray(String[]::new));
        assertEquals(0, loaded.exitCode(), loaded.err());

        // Two files of the curated data set, their sources retitled: an ingest that replaces two graphs
        // and checks their references against the rest of the data set, already in the store.
        Path files = Files.createDirectories(dir.resolve(store.name() + "-files"));
        List<String> args = new ArrayList<>(List.of("ingest", "-q"));
        args.addAll(store.endpointArgs().apply("http://127.0.0.1:" + proxy.getAddress().getPort()));
        int copied = 0;
        for (String name : Files.readAllLines(Path.of("..", "data", "index.txt"))) {
            if (name.endsWith("product-vs-delivery-manager.yaml") || name.endsWith("product-vs-project-manager-faq.yaml")) {
                Path copy = files.resolve(Path.of(name).getFileName());
                String text = Files.readString(Path.of("..", "data").resolve(name));
                Files.writeString(copy, text.replaceFirst("(?m)^    title: .*$", "    title: A source renamed by this test (retitled)"));
                args.add(copy.toString());
                copied++;
            }
        }
        assertEquals(2, copied, "files to retitle");
        Object before = store.snapshot().get();
        int failures = 0;
        Set<String> methods = new TreeSet<>();
        for (int n = 1; n < 200; n++) {
            FAIL_AT.set(n);
            SEEN.set(0);
            Cli cli = Cli.run(args.toArray(String[]::new));
            if (cli.exitCode() == 0) {
                assertTrue(SEEN.get() < n, "the ingest succeeded although request " + n + " failed");
                break;
            }
            failures++;
            assertTrue(cli.err().contains("503"), store.name() + ", request " + n + ": " + cli.err());
            Matcher staging = Pattern.compile("(PUT|POST) \\S+\\?graph=urn").matcher(cli.err());
            if (staging.find()) {
                methods.add(staging.group(1));
            }
            assertTrue(store.same().test(before, store.snapshot().get()),
                    store.name() + ": write " + n + " failed and the store changed: " + cli.err());
        }
        FAIL_AT.set(0);
        assertTrue(failures >= 4, store.name() + ": too few requests to fail: " + failures);
        assertEquals(Set.of("POST", "PUT"), methods, store.name() + ": failed staging requests");
        assertFalse(store.same().test(before, store.snapshot().get()), store.name() + ": the ingest changed nothing");
        try (RDFConnection connection = RDFConnection.connect(directQueryUrl)) {
            long retitled = connection.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <http://purl.org/dc/terms/title> ?t "
                    + "FILTER (STRENDS(STR(?t), \"(retitled)\")) } }").execSelect().next().getLiteral("n").getLong();
            assertEquals(2, retitled, store.name());
            long staging = connection.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                    + "FILTER (STRSTARTS(STR(?g), \"urn:rolegraph:staging:\")) }").execSelect().next().getLiteral("n").getLong();
            assertEquals(0, staging, store.name());
        }
    }
}
