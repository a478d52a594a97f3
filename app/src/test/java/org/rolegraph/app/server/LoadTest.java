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
 * {@code mvn verify}, 10,000 with {@code -Preliability}) mixing pages, SPARQL, downloads and hostile
 * requests (SERVICE, LOAD, an oversized body, a cross product that meets the timeout, unknown roles).
 * Every answer must be the one expected for its kind, never a connection error; the used heap after a
 * full GC is sampled at each quarter of the run and must level off. The report (requests, errors,
 * p50/p99 per kind, heap samples) goes to target/load-report.md.
 */
class LoadTest {
    private static final int CLIENTS = 8;

    /** One kind of request and the statuses it may get. */
    private record Kind(String name, int weight, Set<Integer> expected, java.util.function.Function<String, HttpRequest> request) {}

    @Test
    void mixedLoadWithHostileRequestsGivesOnlyExpectedAnswersAndTheHeapLevelsOff() throws Exception {
        int total = Integer.getInteger("rolegraph.load.requests", 400);
        FusekiServer server = RoleGraphServer.create(EmbeddedData.load(IriScheme.DEFAULT)).port(0)
                .timeout(Duration.ofSeconds(1)).maxBody(64 * 1024).start();
        try {
            String base = "http://127.0.0.1:" + server.getHttpPort();
            List<Kind> kinds = kinds();
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
            double seconds = (System.nanoTime() - start) / 1e9;
            long errors = unexpected.values().stream().mapToLong(LongAdder::sum).sum();
            String report = report(total, seconds, latencies, unexpected, heapAtQuarter);
            Path out = Path.of("target", "load-report.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.print(report);

            assertEquals(total, latencies.values().stream().mapToInt(List::size).sum(), "every request was sent");
            assertEquals(0, errors, "unexpected answers: " + firstErrors);
            // Levels off: the last quarter ends within 32 MiB (or 50 %) of where the first quarter ended.
            long growth = heapAtQuarter[4] - heapAtQuarter[1];
            assertTrue(growth < Math.max(32L << 20, heapAtQuarter[1] / 2), "heap grew by " + (growth >> 20) + " MiB: " + report);
            assertEquals(200, Http.send(Http.get(base + "/healthz").build()).statusCode());
        } finally {
            server.stop();
        }
    }

    private static List<Kind> kinds() {
        String compareQuery = "PREFIX rg: <https://w3id.org/rolegraph/ontology#>\n"
                + "SELECT ?role (COUNT(?boss) AS ?bosses) WHERE { ?role rg:reportsTo ?boss } GROUP BY ?role ORDER BY ?role";
        String service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }";
        String crossProduct = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
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

    private static String report(int total, double seconds, Map<String, List<Long>> latencies, Map<String, LongAdder> unexpected,
            long[] heap) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "# Load test%n%n%,d requests from %d clients in %.1f s (%.0f requests/s), %d unexpected answers%n%n"
                        + "| kind | requests | unexpected | p50 ms | p99 ms |%n| --- | ---: | ---: | ---: | ---: |%n",
                total, CLIENTS, seconds, total / seconds, unexpected.values().stream().mapToLong(LongAdder::sum).sum()));
        long[] all = latencies.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        new TreeMap<>(latencies).forEach((kind, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            out.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.1f | %.1f |%n", kind, sorted.length,
                    unexpected.getOrDefault(kind, new LongAdder()).sum(), percentile(sorted, 50), percentile(sorted, 99)));
        });
        out.append(String.format(Locale.ROOT, "| all | %,d | | %.1f | %.1f |%n%n", all.length, percentile(all, 50), percentile(all, 99)));
        out.append("Used heap after a full GC, at the start and after each quarter (MiB): ")
                .append(Arrays.stream(heap).mapToObj(h -> Long.toString(h >> 20)).reduce((a, b) -> a + ", " + b).orElse(""))
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
