package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap holds under queries that grow: `rolegraph serve` in its own JVM with a 512 MiB heap (and
 * -XX:+ExitOnOutOfMemoryError, as the launcher runs it) and a 60 s timeout gets four queries at once
 * whose intermediate results grow without end (DISTINCT, GROUP BY and ORDER BY over a three-way cross
 * product of the data set). Each is cancelled by the heap watch long before the timeout (503), or
 * refused by a bound (422); /healthz answers throughout; afterwards an ordinary query is answered,
 * the process is alive and its log holds no OutOfMemoryError, nor a line per comparison of a failing
 * sort key.
 */
class HeapBoundTest {

    private static final Map<String, String> GROWING = Map.of(
            "distinct", "SELECT DISTINCT ?x WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
                    + "BIND(CONCAT(STR(?c), STR(?f), STR(?i)) AS ?x) } ORDER BY ?x",
            "group", "SELECT ?x (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
                    + "BIND(CONCAT(STR(?c), STR(?f), STR(?i)) AS ?x) } GROUP BY ?x ORDER BY ?n",
            "sorted", "SELECT ?c ?f ?i WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
            "group_concat", "SELECT (GROUP_CONCAT(CONCAT(STR(?c), STR(?f))) AS ?x) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");

    @Test
    void growingQueriesAreCancelledBeforeTheHeapRunsOut(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("serve.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), "org.rolegraph.app.Main", "serve", "--port", "0", "--timeout", "60")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = waitForUrl(server, log);
            // First, while the heap is fresh (the heap watch would stop it after the growing queries): a
            // sort key that fails on every row (REPLACE of an IRI) makes ARQ warn once per comparison, tens
            // of thousands of lines a second into the log, unless the server keeps that logger quiet.
            HttpResponse<byte[]> sorted = Http.send(Http.get(base + "/rolegraph/sparql?query=" + URLEncoder.encode(
                    "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY REPLACE(?s, 'a', 'b')", StandardCharsets.UTF_8)).build());
            assertEquals(200, sorted.statusCode(), Http.text(sorted));
            List<CompletableFuture<HttpResponse<byte[]>>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (String query : GROWING.values()) {
                running.add(CompletableFuture.supplyAsync(() -> Http.send(Http.get(base + "/rolegraph/sparql?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(90)).build())));
            }
            int health = 0;
            while (running.stream().anyMatch(r -> !r.isDone())) {
                assertEquals(200, Http.send(Http.get(base + "/healthz").build()).statusCode(), "/healthz while the queries run");
                health++;
                Thread.sleep(500);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<byte[]>> answer : running) {
                statuses.add(answer.get().statusCode());
            }
            assertTrue(statuses.stream().allMatch(s -> s == 503 || s == 422), statuses.toString());
            assertTrue(seconds < 45, "stopped by the heap watch, not by the 60 s timeout: " + seconds + " s");
            assertTrue(health > 0);
            assertEquals(200, Http.send(Http.get(base + "/compare?roles=product-manager,delivery-manager").build()).statusCode());
            assertTrue(server.isAlive(), "the server is still running");
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertFalse(text.contains("OutOfMemoryError"), text);
            assertTrue(text.contains("running queries cancelled"), "the heap watch did the cancelling: " + text);
            assertFalse(text.contains("not a string"), "no line per comparison in the log");
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String waitForUrl(Process server, Path log) throws Exception {
        Pattern serving = Pattern.compile("RoleGraph is serving (http://\\S+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && server.isAlive()) {
            Matcher matcher = serving.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (matcher.find()) {
                return matcher.group(1).replace("localhost", "127.0.0.1");
            }
            Thread.sleep(200);
        }
        return fail("the server did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }
}
