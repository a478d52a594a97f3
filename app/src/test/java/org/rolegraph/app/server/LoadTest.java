package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.rolegraph.app.EmbeddedData;
import org.rolegraph.model.IriScheme;

/**
 * A bounded closed-loop load on 127.0.0.1: 8 clients share a fixed number of requests (400 in
 * {@code mvn verify}, 10,000 with {@code -Preliability}). After a warm-up it runs twice on one server:
 * the ordinary requests alone (pages, SPARQL, downloads), then the same with hostile ones mixed in (SERVICE, LOAD,
 * bodies over the cap with a length and chunked, headers over Jetty's cap, a cross product that meets
 * the timeout, strings doubled past the bound, a GROUP_CONCAT over a cross product, a regular
 * expression that backtracks, unknown roles, bad queries) while slow clients dribble their headers a
 * byte at a time. Every answer must be the one expected for its kind, never a connection error; the
 * used heap after a full GC is sampled at each quarter of the mixed run and must level off. The report
 * (requests, errors, p50/p99 per kind, the ordinary requests' p99 with the hostile mix against without
 * it, heap samples) goes to target/load-report.md.
 */
class LoadTest {
    private static final int CLIENTS = 8;
    private static final int SLOW_CLIENTS = 4;

    /** One kind of request and the statuses it may get. */
    private record Kind(String name, int weight, Set<Integer> expected, java.util.function.Function<String, HttpRequest> request) {
        boolean hostile() {
            return name.startsWith("hostile");
        }
    }

    /** What one run measured. */
    private record Run(int total, double seconds, Map<String, List<Long>> latencies, Map<String, LongAdder> unexpected,
            List<String> firstErrors, long[] heapAtQuarter) {
        long errors() {
            return unexpected.values().stream().mapToLong(LongAdder::sum).sum();
        }

        /** The 99th percentile, in ms, of the ordinary (not hostile) requests. */
        double ordinaryP99() {
            long[] ordinary = latencies.entrySet().stream().filter(e -> !e.getKey().startsWith("hostile"))
                    .flatMap(e -> e.getValue().stream()).mapToLong(Long::longValue).sorted().toArray();
            return percentile(ordinary, 99);
        }
    }

    @Test
    @SuppressWarnings("try") // the slow clients only need to be connected while the mixed run goes on
    void mixedLoadWithHostileRequestsGivesOnlyExpectedAnswersAndTheHeapLevelsOff() throws Exception {
        int total = Integer.getInteger("rolegraph.load.requests", 400);
        FusekiServer server = RoleGraphServer.create(EmbeddedData.load(IriScheme.DEFAULT)).port(0)
                .timeout(Duration.ofSeconds(1)).maxBody(64 * 1024).start();
        try {
            String base = "http://127.0.0.1:" + server.getHttpPort();
            List<Kind> kinds = kinds();
            List<Kind> ordinary = kinds.stream().filter(k -> !k.hostile()).toList();
            // A first pass warms the JIT, so the two measured runs compare the load and not the compiler;
            // the ordinary requests alone need no more than a thousand for their p99.
            run(base, ordinary, Math.min(total, 200));
            Run alone = run(base, ordinary, Math.min(total, 1_000));
            Run mixed;
            try (SlowClients slow = new SlowClients(server.getHttpPort(), SLOW_CLIENTS)) {
                mixed = run(base, kinds, total);
            }
            String report = report(mixed, "with the hostile mix") + "\n" + report(alone, "ordinary requests alone")
                    + String.format(Locale.ROOT, "%nOrdinary requests' p99: %.1f ms with the hostile mix, %.1f ms without it "
                            + "(%.2f times).%n", mixed.ordinaryP99(), alone.ordinaryP99(), mixed.ordinaryP99() / alone.ordinaryP99());
            Path out = Path.of("target", "load-report.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.print(report);

            for (Run run : List.of(alone, mixed)) {
                assertEquals(run.total(), run.latencies().values().stream().mapToInt(List::size).sum(), "every request was sent");
                assertEquals(0, run.errors(), "unexpected answers: " + run.firstErrors());
            }
            // Levels off: the last quarter ends within 32 MiB (or 50 %) of where the first quarter ended.
            long[] heap = mixed.heapAtQuarter();
            long growth = heap[4] - heap[1];
            assertTrue(growth < Math.max(32L << 20, heap[1] / 2), "heap grew by " + (growth >> 20) + " MiB: " + report);
            assertEquals(200, Http.send(Http.get(base + "/healthz").build()).statusCode());
        } finally {
            server.stop();
        }
    }

    private static Run run(String base, List<Kind> kinds, int total) throws Exception {
        List<Kind> schedule = new ArrayList<>();
        kinds.forEach(kind -> {
            for (int i = 0; i < kind.weight(); i++) {
                schedule.add(kind);
            }
        });
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, LongAdder> unexpected = new ConcurrentHashMap<>();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long[] heapAtQuarter = new long[5];
        heapAtQuarter[0] = usedHeapAfterGc();
        int quarter = Math.max(1, total / 4);
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int q = 1; q <= 4; q++) {
                int end = q == 4 ? total : q * quarter;
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    running.add(clients.submit(() -> {
                        for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
                            Kind kind = schedule.get(i % schedule.size());
                            long t0 = System.nanoTime();
                            int status;
                            try {
                                status = Http.CLIENT.send(kind.request().apply(base), HttpResponse.BodyHandlers.discarding()).statusCode();
                            } catch (Exception e) {
                                status = -1;
                                if (firstErrors.size() < 5) {
                                    firstErrors.add(kind.name() + ": " + e);
                                }
                            }
                            latencies.computeIfAbsent(kind.name(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                    .add(System.nanoTime() - t0);
                            if (!kind.expected().contains(status)) {
                                unexpected.computeIfAbsent(kind.name(), k -> new LongAdder()).increment();
                                if (firstErrors.size() < 5) {
                                    firstErrors.add(kind.name() + " answered " + status);
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                next.set(end);
                heapAtQuarter[q] = usedHeapAfterGc();
            }
        } finally {
            clients.shutdownNow();
        }
        return new Run(total, (System.nanoTime() - start) / 1e9, latencies, unexpected, firstErrors, heapAtQuarter);
    }

    /**
     * Clients that open a connection and send their request's header a byte at a time, a byte every
     * 200 ms, for as long as the run lasts (a slowloris): the server must go on answering the others.
     */
    private static final class SlowClients implements AutoCloseable {
        private final List<java.net.Socket> sockets = new ArrayList<>();
        private final Thread dribbler;
        private volatile boolean done;

        SlowClients(int port, int count) throws java.io.IOException {
            for (int i = 0; i < count; i++) {
                sockets.add(new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port));
            }
            byte[] header = ("GET /rolegraph/sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                    + "x".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
            dribbler = new Thread(() -> {
                for (int i = 0; i < header.length && !done; i++) {
                    for (java.net.Socket socket : sockets) {
                        try {
                            socket.getOutputStream().write(header[i]);
                            socket.getOutputStream().flush();
                        } catch (java.io.IOException e) {
                            // The server closed a slow connection: that is its right.
                        }
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            dribbler.setDaemon(true);
            dribbler.start();
        }

        @Override
        public void close() throws java.io.IOException {
            done = true;
            dribbler.interrupt();
            for (java.net.Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static List<Kind> kinds() {
        String compareQuery = "PREFIX rg: <https://w3id.org/rolegraph/ontology#>\n"
                + "SELECT ?role (COUNT(?boss) AS ?bosses) WHERE { ?role rg:reportsTo ?boss } GROUP BY ?role ORDER BY ?role";
        String service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }";
        String crossProduct = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        StringBuilder doubling = new StringBuilder("SELECT (STRLEN(?v40) AS ?n) WHERE { BIND(\"0123456789abcdef\" AS ?v0) ");
        for (int i = 1; i <= 40; i++) {
            doubling.append("BIND(CONCAT(?v").append(i - 1).append(", ?v").append(i - 1).append(") AS ?v").append(i).append(") ");
        }
        doubling.append("}");
        return List.of(
                new Kind("page: home", 10, Set.of(200), base -> get(base + "/")),
                new Kind("page: role", 10, Set.of(200), base -> get(base + "/role/product-manager")),
                new Kind("page: compare", 10, Set.of(200), base -> get(base + "/compare?roles=product-manager,delivery-manager")),
                new Kind("json: compare", 10, Set.of(200), base -> get(base + "/compare?roles=product-owner,project-manager&format=json")),
                new Kind("rdf: role as Turtle", 8, Set.of(200), base -> get(base + "/role/delivery-manager", "Accept", "text/turtle")),
                new Kind("sparql: select", 15, Set.of(200), base -> get(base + "/rolegraph/sparql?query=" + encode(compareQuery))),
                new Kind("download: Turtle", 4, Set.of(200), base -> get(base + "/download/rolegraph.ttl")),
                new Kind("download: JSON-LD gzip", 4, Set.of(200), base -> get(base + "/download/rolegraph.jsonld", "Accept-Encoding", "gzip")),
                new Kind("hostile: SERVICE", 3, Set.of(400), base -> get(base + "/rolegraph/sparql?query=" + encode(service))),
                new Kind("hostile: LOAD", 3, Set.of(400, 403, 404, 405), base -> HttpRequest.newBuilder(URI.create(base + "/rolegraph/update"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString("LOAD <file:///etc/passwd>")).build()),
                new Kind("hostile: body over the cap", 2, Set.of(413), base -> HttpRequest.newBuilder(URI.create(base + "/rolegraph/sparql"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/sparql-query")
                        .POST(HttpRequest.BodyPublishers.ofString("ASK {} #" + "x".repeat(100_000))).build()),
                new Kind("hostile: cross product", 1, Set.of(503), base -> get(base + "/rolegraph/sparql?query=" + encode(crossProduct) + "&timeout=60")),
                new Kind("hostile: chunked body over the cap", 2, Set.of(413), base -> HttpRequest.newBuilder(URI.create(base + "/rolegraph/sparql"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/sparql-query")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                                ("ASK {} #" + "x".repeat(100_000)).getBytes(StandardCharsets.US_ASCII)))).build()),
                new Kind("hostile: header over the cap", 2, Set.of(431), base -> get(base + "/", "X-Pad", "x".repeat(600_000))),
                new Kind("hostile: string doubled 40 times", 2, Set.of(422), base -> get(base + "/rolegraph/sparql?query=" + encode(doubling.toString()))),
                new Kind("hostile: GROUP_CONCAT of a cross product", 1, Set.of(422), base -> get(base + "/rolegraph/sparql?query="
                        + encode("SELECT (GROUP_CONCAT(STR(?c)) AS ?all) WHERE { ?a ?b ?c . ?d ?e ?f }"))),
                new Kind("hostile: backtracking regex", 1, Set.of(503), base -> get(base + "/rolegraph/sparql?query="
                        + encode("SELECT * WHERE { VALUES ?t { \"" + "a".repeat(60) + "!\" } FILTER(REGEX(?t, \"(.*a){12}$\")) }"))),
                new Kind("hostile: unknown role", 4, Set.of(404), base -> get(base + "/role/no-such-role%3Cscript%3E")),
                new Kind("hostile: bad query", 3, Set.of(400), base -> get(base + "/rolegraph/sparql?query=" + encode("SELECT * WHERE {"))));
    }

    private static HttpRequest get(String url, String... headers) {
        return Http.get(url, headers).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String report(Run run, String title) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "# Load test, %s%n%n%,d requests from %d clients in %.1f s (%.0f requests/s), %d unexpected answers%n%n"
                        + "| kind | requests | unexpected | p50 ms | p99 ms |%n| --- | ---: | ---: | ---: | ---: |%n",
                title, run.total(), CLIENTS, run.seconds(), run.total() / run.seconds(), run.errors()));
        long[] all = run.latencies().values().stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        new TreeMap<>(run.latencies()).forEach((kind, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            out.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.1f | %.1f |%n", kind, sorted.length,
                    run.unexpected().getOrDefault(kind, new LongAdder()).sum(), percentile(sorted, 50), percentile(sorted, 99)));
        });
        out.append(String.format(Locale.ROOT, "| all | %,d | | %.1f | %.1f |%n%n", all.length, percentile(all, 50), percentile(all, 99)));
        out.append("Used heap after a full GC, at the start and after each quarter (MiB): ")
                .append(Arrays.stream(run.heapAtQuarter()).mapToObj(h -> Long.toString(h >> 20)).reduce((a, b) -> a + ", " + b).orElse(""))
                .append("\n");
        return out.toString();
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
