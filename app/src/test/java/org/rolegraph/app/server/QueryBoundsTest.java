package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rolegraph.app.EmbeddedData;
import org.rolegraph.model.IriScheme;

/**
 * The bounds on a query from outside that ARQ's timeout cannot give: values that grow within one
 * evaluation (a string doubled by a chain of BINDs, a REPLACE that multiplies, a product of huge
 * integers) are refused with a 422 naming the bound, a regular expression that backtracks without end
 * stops at the timeout, and the bounded functions give ARQ's own answers below the bounds. The server
 * keeps answering throughout.
 */
class QueryBoundsTest {

    private static DatasetGraph store;
    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() {
        store = EmbeddedData.load(IriScheme.DEFAULT);
        server = RoleGraphServer.create(store).port(0).timeout(Duration.ofSeconds(2)).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<byte[]> query(String sparql) {
        return Http.send(Http.get(base + "/rolegraph/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8),
                "Accept", "text/csv").build());
    }

    /** A query whose ?v doubles in length at each of {@code steps} BINDs, from 16 characters. */
    private static String doubling(String function, int steps) {
        StringBuilder query = new StringBuilder("SELECT (STRLEN(?v" + steps + ") AS ?n) WHERE {\n  BIND(\"0123456789abcdef\" AS ?v0)\n");
        for (int i = 1; i <= steps; i++) {
            String previous = "?v" + (i - 1);
            String grown = function.equals("CONCAT") ? "CONCAT(" + previous + ", " + previous + ")"
                    : "REPLACE(" + previous + ", \"(.)\", \"$1$1\")";
            query.append("  BIND(").append(grown).append(" AS ?v").append(i).append(")\n");
        }
        return query.append("}").toString();
    }

    @Test
    void aStringThatDoublesPastTheBoundIsRefused() {
        for (String function : List.of("CONCAT", "REPLACE")) {
            // 16 * 2^16 = 1 Mi characters is the bound; 2^40 times would be 16 TiB.
            HttpResponse<byte[]> refused = query(doubling(function, 40));
            assertEquals(422, refused.statusCode(), function + ": " + Http.text(refused));
            assertTrue(Http.text(refused).contains("longer than 1,048,576 characters"), Http.text(refused));
            HttpResponse<byte[]> allowed = query(doubling(function, 15));
            assertEquals(200, allowed.statusCode(), Http.text(allowed));
            assertEquals("n\r\n524288\r\n", Http.text(allowed), function);
        }
        assertEquals(200, Http.send(Http.get(base + "/healthz").build()).statusCode());
    }

    @Test
    void encodingALongStringForUrisIsRefused() {
        // 16 * 2^14 = 262,144 characters: encoded, up to nine times as many, over the bound.
        String query = doubling("CONCAT", 14).replace("SELECT (STRLEN(?v14) AS ?n)", "SELECT (STRLEN(ENCODE_FOR_URI(?v14)) AS ?n)");
        HttpResponse<byte[]> refused = query(query);
        assertEquals(422, refused.statusCode(), Http.text(refused));
        assertTrue(Http.text(refused).contains("ENCODE_FOR_URI would build a string longer than 1,048,576 characters"),
                Http.text(refused));
        HttpResponse<byte[]> allowed = query(doubling("CONCAT", 10).replace("SELECT (STRLEN(?v10) AS ?n)",
                "SELECT (STRLEN(ENCODE_FOR_URI(?v10)) AS ?n)"));
        assertEquals("n\r\n16384\r\n", Http.text(allowed));
    }

    @Test
    void aProductOfHugeIntegersIsRefused() {
        StringBuilder query = new StringBuilder("SELECT ?v30 WHERE {\n  BIND(18446744073709551616 AS ?v0)\n");
        for (int i = 1; i <= 30; i++) {
            query.append("  BIND(?v").append(i - 1).append(" * ?v").append(i - 1).append(" AS ?v").append(i).append(")\n");
        }
        HttpResponse<byte[]> refused = query(query.append("}").toString());
        assertEquals(422, refused.statusCode(), Http.text(refused));
        assertTrue(Http.text(refused).contains("over 65,536 bits"), Http.text(refused));
    }

    @Test
    void aRegexThatBacktracksStopsAtTheTimeout() {
        // Java's matcher needs some 8 s for 30 a's here and grows as a power of their number.
        String text = "a".repeat(60) + "!";
        for (String query : List.of("SELECT * WHERE { VALUES ?t { \"" + text + "\" } FILTER(REGEX(?t, \"(.*a){12}$\")) }",
                "SELECT * WHERE { VALUES ?t { \"" + text + "\" } BIND(REPLACE(?t, \"(.*a){12}$\", \"b\") AS ?r) }")) {
            long start = System.nanoTime();
            HttpResponse<byte[]> stopped = query(query);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(503, stopped.statusCode(), Http.text(stopped));
            assertTrue(seconds < 6, "stopped near the 2 s timeout, took " + seconds + " s");
        }
    }

    @Test
    void aSortUnderWayStopsAtTheTimeout() {
        // Some 400,000 rows come together in well under the timeout; sorting them (every key ties, so
        // ARQ compares whole rows) takes 5 to 9 s, during which no solution passes: ARQ's timeout flag
        // alone was read only after the sort. The abort at the deadline reaches the sort's comparator.
        // A 503, not the rows the aborted sort hands on unsorted; on the endpoint and on the SPARQL page.
        String sort = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } ?s3 a ?o3 } ORDER BY ?unbound";
        for (String url : List.of(base + "/rolegraph/sparql?query=", base + "/sparql?query=")) {
            long start = System.nanoTime();
            HttpResponse<byte[]> stopped = Http.send(Http.get(url + URLEncoder.encode(sort, StandardCharsets.UTF_8)).build());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(503, stopped.statusCode(), url);
            assertTrue(seconds < 4.5, url + ": stopped near the 2 s timeout, took " + seconds + " s");
        }
    }

    @Test
    void aGroupConcatThatGrowsPastTheBoundIsRefused() {
        // A cross product of the data set with itself: millions of rows, joined into one string.
        HttpResponse<byte[]> refused = query("SELECT (GROUP_CONCAT(STR(?c)) AS ?all) WHERE { ?a ?b ?c . ?d ?e ?f }");
        assertEquals(422, refused.statusCode(), Http.text(refused));
        assertTrue(Http.text(refused).contains("GROUP_CONCAT would build a string longer than 1,048,576 characters"),
                Http.text(refused));
    }

    @Test
    void aggregatesAnswerAsArqDoes() {
        assertSameAsArq("""
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX rg: <https://w3id.org/rolegraph/ontology#>
                SELECT ?family (COUNT(DISTINCT ?role) AS ?roles) (GROUP_CONCAT(DISTINCT ?label; SEPARATOR=" | ") AS ?labels)
                       (GROUP_CONCAT(?label) AS ?spaced) (SAMPLE(?label) AS ?one)
                WHERE {
                  { SELECT DISTINCT ?family ?role ?label WHERE {
                      GRAPH ?g { ?role a rg:Role ; rg:family ?family ; skos:prefLabel ?label } } ORDER BY ?label }
                }
                GROUP BY ?family
                HAVING (COUNT(?role) > 1)
                ORDER BY ?family
                """);
    }

    private static void assertSameAsArq(String sparql) {
        HttpResponse<byte[]> served = query(sparql);
        assertEquals(200, served.statusCode(), Http.text(served));
        Query query = QueryFactory.create(sparql);
        String arq = Txn.calculateRead(store, () -> {
            try (QueryExec exec = QueryExec.newBuilder().dataset(store).query(query).build()) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                ResultSetFormatter.outputAsCSV(out, org.apache.jena.query.ResultSet.adapt(exec.select()));
                return out.toString(StandardCharsets.UTF_8);
            }
        });
        assertTrue(arq.lines().count() >= 3, "at least two rows to compare: " + arq);
        assertEquals(arq, Http.text(served));
    }

    @Test
    void boundedFunctionsAnswerAsArqDoes() {
        assertSameAsArq("""
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX rg: <https://w3id.org/rolegraph/ontology#>
                SELECT ?label ?joined ?replaced ?encoded ?product ?langKept
                WHERE {
                  GRAPH ?g { ?role a rg:Role ; skos:prefLabel ?label }
                  FILTER(REGEX(?label, "^(product|PROJECT) ", "i"))
                  BIND(CONCAT(?label, " / ", LCASE(?label)) AS ?joined)
                  BIND(REPLACE(?label, "(\\\\w+) (\\\\w+)", "$2, $1") AS ?replaced)
                  BIND(ENCODE_FOR_URI(CONCAT(?label, " é&")) AS ?encoded)
                  BIND(STRLEN(?label) * 3 * 1.5 AS ?product)
                  BIND(LANG(REPLACE(?label, "a", "A")) AS ?langKept)
                }
                ORDER BY ?label ?g
                """);
    }

    @Test
    void queriesBeyondTheLimitWaitTheirTurnThenGet503WithRetryAfter() throws Exception {
        FusekiServer narrow = RoleGraphServer.create(store).port(0).timeout(Duration.ofSeconds(1)).maxQueries(1).start();
        try {
            String at = "http://127.0.0.1:" + narrow.getHttpPort();
            String slow = URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", StandardCharsets.UTF_8);
            List<CompletableFuture<HttpResponse<byte[]>>> running = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                running.add(CompletableFuture.supplyAsync(() -> Http.send(Http.get(at + "/rolegraph/sparql?query=" + slow).build())));
            }
            Thread.sleep(300);
            assertEquals(200, Http.send(Http.get(at + "/healthz").build()).statusCode(), "health checks are never held back");
            List<Integer> statuses = new ArrayList<>();
            boolean retryAfter = false;
            for (CompletableFuture<HttpResponse<byte[]>> answer : running) {
                HttpResponse<byte[]> response = answer.get();
                statuses.add(response.statusCode());
                retryAfter |= response.headers().firstValue("Retry-After").isPresent();
            }
            // One runs into the 1 s timeout (503) at a time; the others wait up to 3 s for their turn.
            assertTrue(statuses.stream().allMatch(s -> s == 503), statuses.toString());
            assertTrue(retryAfter, "a request that found no turn is told when to come back");
            assertEquals(200, Http.send(Http.get(at + "/rolegraph/sparql?query="
                    + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)).build()).statusCode());
        } finally {
            narrow.stop();
        }
    }

    @Test
    void aChunkedBodyOverTheCapGets413AndOneUnderItIsAnswered() {
        FusekiServer small = RoleGraphServer.create(store).port(0).maxBody(64 * 1024).start();
        try {
            String at = "http://127.0.0.1:" + small.getHttpPort();
            String form = "application/x-www-form-urlencoded";
            String ask = "query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8) + "&pad=";
            for (String type : List.of(form, "application/sparql-query")) {
                String prefix = type.equals(form) ? ask : "ASK {} # ";
                assertEquals(413, chunked(at, type, prefix + "x".repeat(200_000)).statusCode(), type);
                HttpResponse<byte[]> under = chunked(at, type, prefix + "x".repeat(1_000));
                assertEquals(200, under.statusCode(), type + ": " + Http.text(under));
                assertTrue(Http.text(under).contains("true"), Http.text(under));
            }
            assertEquals(200, Http.send(Http.get(at + "/healthz").build()).statusCode());
        } finally {
            small.stop();
        }
    }

    /** A POST whose body has no length: the client sends it chunked. */
    private static HttpResponse<byte[]> chunked(String at, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Http.send(HttpRequest.newBuilder(URI.create(at + "/rolegraph/sparql"))
                .header("Content-Type", type).header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build());
    }
}
