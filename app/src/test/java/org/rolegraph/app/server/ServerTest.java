package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rolegraph.app.EmbeddedData;
import org.rolegraph.export.RdfFiles;
import org.rolegraph.export.RoleDocuments;
import org.rolegraph.model.IriScheme;

/** The server over real HTTP on a free port, with the embedded data set and a 2 s query timeout. */
class ServerTest {

    private static FusekiServer server;
    private static String base;
    private static DatasetGraph store;

    @BeforeAll
    static void start() {
        store = EmbeddedData.load(IriScheme.DEFAULT);
        server = RoleGraphServer.create(store).port(0).timeout(Duration.ofSeconds(2)).resultCap(5).maxBody(4096).start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        return Http.send(Http.get(base + path, headers).build());
    }

    private static HttpResponse<byte[]> post(String path, String contentType, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String form(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Graph parse(byte[] bytes, Lang lang) {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        RdfFiles.parse(new ByteArrayInputStream(bytes), lang, StreamRDFLib.dataset(dataset));
        return dataset.getDefaultGraph();
    }

    @Test
    void healthz() {
        HttpResponse<byte[]> response = get("/healthz");
        assertEquals(200, response.statusCode());
        assertEquals("ok\n", Http.text(response));
    }

    @ParameterizedTest
    @CsvSource({"text/turtle, text/turtle", "application/ld+json, application/ld+json",
        "application/n-triples, application/n-triples", "'text/html,application/xhtml+xml,*/*;q=0.8', text/html",
        "*/*, text/turtle"})
    void roleIrisAnswerByContentNegotiation(String accept, String expected) {
        HttpResponse<byte[]> response = get("/role/product-manager", "Accept", accept);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(expected));
        assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
    }

    @Test
    void everyMachineReadableFormOfARoleIsTheSameGraph() {
        Graph expected = RoleDocuments.graph(store, IriScheme.DEFAULT, "product-manager");
        Graph turtle = parse(get("/role/product-manager", "Accept", "text/turtle").body(), Lang.TURTLE);
        Graph jsonld = parse(get("/role/product-manager", "Accept", "application/ld+json").body(), Lang.JSONLD);
        Graph ntriples = parse(get("/role/product-manager?format=nt").body(), Lang.NTRIPLES);
        assertTrue(expected.size() > 50);
        assertTrue(turtle.isIsomorphicWith(expected));
        assertTrue(jsonld.isIsomorphicWith(expected));
        assertTrue(ntriples.isIsomorphicWith(expected));
        String html = Http.text(get("/role/product-manager?format=html"));
        assertTrue(html.contains("<h1>Product manager</h1>") && html.contains("98,439 USD"), html);
    }

    @Test
    void aRoleNamedByALabelOrAnotherCaseIsRedirectedToItsOneAddress() {
        HttpResponse<byte[]> byLabel = get("/role/Delivery%20Manager?format=ttl");
        assertEquals(303, byLabel.statusCode());
        assertEquals("/role/delivery-manager?format=ttl", byLabel.headers().firstValue("Location").orElse(""));
        HttpResponse<byte[]> byAltLabel = get("/role/CPO");
        assertEquals(303, byAltLabel.statusCode());
        assertEquals("/role/chief-product-officer", byAltLabel.headers().firstValue("Location").orElse(""));
        assertEquals(200, get("/role/delivery-manager?format=ttl").statusCode());
    }

    @Test
    void unknownRolesAndUnsupportedTypesAreRefusedAndTheServerGoesOn() {
        HttpResponse<byte[]> missing = get("/role/prodct-manager", "Accept", "text/html");
        assertEquals(404, missing.statusCode());
        assertTrue(Http.text(missing).contains("/role/product-manager"), "the closest ids are offered");
        HttpResponse<byte[]> plain = get("/role/prodct-manager", "Accept", "text/plain");
        assertEquals(404, plain.statusCode());
        assertTrue(Http.text(plain).contains("Closest roles: product-manager"));
        assertEquals(406, get("/role/product-manager", "Accept", "image/png").statusCode());
        assertEquals(400, get("/role/product-manager?format=pdf").statusCode());
        assertEquals(200, get("/healthz").statusCode());
    }

    @ParameterizedTest
    @CsvSource({"application/sparql-results+json, RS_JSON", "application/sparql-results+xml, RS_XML", "text/csv, RS_CSV",
        "text/tab-separated-values, RS_TSV"})
    void theSparqlEndpointAnswersGetAndPostInEveryResultFormat(String accept, String langName) throws Exception {
        Lang lang = (Lang) ResultSetLang.class.getField(langName).get(null);
        String query = "PREFIX rg: <https://w3id.org/rolegraph/ontology#> SELECT ?role WHERE { ?role a rg:Role } ORDER BY ?role LIMIT 3";
        HttpResponse<byte[]> byGet = get("/rolegraph/sparql?" + form("query", query), "Accept", accept);
        HttpResponse<byte[]> byPost = Http.send(HttpRequest.newBuilder(URI.create(base + "/rolegraph/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(form("query", query))).build());
        for (HttpResponse<byte[]> response : List.of(byGet, byPost)) {
            assertEquals(200, response.statusCode(), Http.text(response));
            ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body()), lang);
            int rows = 0;
            while (results.hasNext()) {
                assertTrue(results.next().get("role").toString().contains("rolegraph/role/"));
                rows++;
            }
            assertEquals(3, rows);
        }
    }

    @Test
    void selectResultsAreCapped() {
        HttpResponse<byte[]> response = get("/rolegraph/sparql?" + form("query", "SELECT * WHERE { ?s ?p ?o }"), "Accept", "text/csv");
        assertEquals(200, response.statusCode());
        assertEquals(1 + 5, Http.text(response).strip().lines().count(), "header and the cap of 5 rows");
    }

    @Test
    void theGraphStoreProtocolReadsASourceGraph() {
        HttpResponse<byte[]> response = get("/rolegraph/data?" + form("graph",
                "https://w3id.org/rolegraph/graph/product-vs-delivery-manager"), "Accept", "text/turtle");
        assertEquals(200, response.statusCode());
        assertTrue(parse(response.body(), Lang.TURTLE).size() > 50);
    }

    @Test
    void theStoreIsReadOnly() {
        assertTrue(post("/rolegraph/update", "application/sparql-update", "CLEAR ALL").statusCode() >= 400);
        assertTrue(post("/rolegraph/sparql", "application/sparql-update", "CLEAR ALL").statusCode() >= 400);
        HttpResponse<byte[]> put = Http.send(HttpRequest.newBuilder(URI.create(base + "/rolegraph/data?default"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<a:b> <a:c> <a:d> .")).build());
        assertTrue(put.statusCode() >= 400, "status " + put.statusCode());
        assertTrue(Http.text(get("/rolegraph/sparql?" + form("query", "ASK { ?s ?p ?o }"), "Accept", "text/csv")).contains("true"));
    }

    @Test
    void aCrossProductIsCancelledAtTheTimeoutWhileHealthzKeepsAnswering() throws Exception {
        String slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        long start = System.nanoTime();
        // The client asks for 60 s; the server's 2 s wins.
        CompletableFuture<HttpResponse<byte[]>> running = CompletableFuture.supplyAsync(
                () -> get("/rolegraph/sparql?" + form("query", slow) + "&timeout=60", "Accept", "text/csv"));
        Thread.sleep(300);
        assertEquals(200, get("/healthz").statusCode(), "the server answers while the query runs");
        HttpResponse<byte[]> response = running.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(503, response.statusCode());
        assertTrue(seconds < 15, "cancelled near the timeout, took " + seconds + " s");
        assertEquals(200, get("/healthz").statusCode());
    }

    @Test
    void serviceIsRefusedAndNothingConnects() throws IOException {
        try (CountingListener listener = new CountingListener()) {
            String query = "SELECT * WHERE { SERVICE <http://127.0.0.1:" + listener.port() + "/sparql> { ?s ?p ?o } }";
            HttpResponse<byte[]> response = get("/rolegraph/sparql?" + form("query", query));
            assertEquals(400, response.statusCode());
            assertTrue(Http.text(response).contains("SERVICE (federated query) is not allowed"), Http.text(response));
            assertEquals(0, listener.connections());
        }
    }

    @Test
    void parametersWithoutAQueryGet400NotAServerError() {
        // Found by ServerFuzzTest: Fuseki answered 500 (a NullPointerException) to this.
        for (String path : List.of("/rolegraph/query?format=+", "/rolegraph/sparql?format=json", "/rolegraph/sparql?query=")) {
            HttpResponse<byte[]> response = get(path);
            assertEquals(400, response.statusCode(), path);
            assertTrue(Http.text(response).contains("'query' is missing"), Http.text(response));
        }
        assertEquals(400, post("/rolegraph/sparql", "application/x-www-form-urlencoded", "format=json").statusCode());
        assertEquals(200, get("/healthz").statusCode());
    }

    @Test
    void aBadQueryGets400WithThePositionAndTheServerGoesOn() {
        HttpResponse<byte[]> response = get("/rolegraph/sparql?" + form("query", "SELECT * WHERE {\n ?s ?p \n}"));
        assertEquals(400, response.statusCode());
        assertTrue(Http.text(response).contains("line 3, column 1"), Http.text(response));
        assertEquals(200, get("/healthz").statusCode());
    }

    @Test
    void downloadsHaveNamesCachingHeadersAndGzip() throws IOException {
        for (String[] file : new String[][] {{"rolegraph.ttl", "TURTLE"}, {"rolegraph.jsonld", "JSONLD"},
            {"rolegraph.nq", "NQUADS"}, {"rolegraph.trig", "TRIG"}}) {
            HttpResponse<byte[]> response = get("/download/" + file[0]);
            assertEquals(200, response.statusCode());
            assertEquals("attachment; filename=\"" + file[0] + "\"", response.headers().firstValue("Content-Disposition").orElseThrow());
            String etag = response.headers().firstValue("ETag").orElseThrow();
            String lastModified = response.headers().firstValue("Last-Modified").orElseThrow();
            assertEquals(304, get("/download/" + file[0], "If-None-Match", etag).statusCode());
            assertEquals(304, get("/download/" + file[0], "If-Modified-Since", lastModified).statusCode());
            assertEquals(200, get("/download/" + file[0], "If-None-Match", "\"something-else\"").statusCode());
            HttpResponse<byte[]> gzip = get("/download/" + file[0], "Accept-Encoding", "gzip");
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElseThrow());
            byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes();
            assertEquals(new String(response.body(), StandardCharsets.UTF_8), new String(unzipped, StandardCharsets.UTF_8));
            DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
            RdfFiles.parse(new ByteArrayInputStream(unzipped), langOf(file[1]), StreamRDFLib.dataset(parsed));
            assertTrue(parsed.find().hasNext(), file[0]);
        }
        assertEquals(404, get("/download/rolegraph.exe").statusCode());
    }

    private static Lang langOf(String name) {
        return switch (name) {
            case "TURTLE" -> Lang.TURTLE;
            case "JSONLD" -> Lang.JSONLD;
            case "NQUADS" -> Lang.NQUADS;
            default -> Lang.TRIG;
        };
    }

    @Test
    void compareAnswersAsHtmlAndJson() throws IOException {
        String html = Http.text(get("/compare?roles=product-manager,delivery-manager", "Accept", "text/html"));
        assertTrue(html.contains("id=\"comparison\""), html);
        assertTrue(html.contains("average 98,439 USD per year") && html.contains("average 66,214 USD per year"));
        assertTrue(html.contains("Product Manager vs. Delivery Manager: What Are the Differences?"));
        HttpResponse<byte[]> json = get("/compare?roles=product-manager&roles=delivery-manager", "Accept", "application/json");
        assertEquals(200, json.statusCode());
        JsonNode root = new ObjectMapper().readTree(json.body());
        assertEquals("delivery-manager", root.get("roles").get(1).get("id").asText());
        assertEquals(404, get("/compare?roles=product-manager,nobody&format=json").statusCode());
    }

    @Test
    void corsLetsBrowsersReadButNotWrite() {
        HttpResponse<byte[]> read = get("/rolegraph/sparql?" + form("query", "ASK {}"), "Origin", "https://example.org");
        assertEquals("https://example.org", read.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertFalse(read.headers().firstValue("Access-Control-Allow-Credentials").filter("true"::equals).isPresent());
        assertEquals("https://example.org", get("/role/product-manager", "Origin", "https://example.org").headers()
                .firstValue("Access-Control-Allow-Origin").orElseThrow());
        HttpResponse<byte[]> preflightPost = Http.send(HttpRequest.newBuilder(URI.create(base + "/rolegraph/sparql"))
                .header("Origin", "https://example.org").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals("https://example.org", preflightPost.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(preflightPost.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
        HttpResponse<byte[]> preflightPut = Http.send(HttpRequest.newBuilder(URI.create(base + "/rolegraph/data"))
                .header("Origin", "https://example.org").header("Access-Control-Request-Method", "PUT")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        // PUT is not among the methods allowed, so the browser never sends it.
        assertFalse(preflightPut.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"),
                preflightPut.headers().toString());
        assertTrue(preflightPut.statusCode() < 500);
    }

    @Test
    void compressionFollowsAcceptEncoding() throws IOException {
        String[] paths = {"/compare?roles=product-manager,delivery-manager", "/download/rolegraph.ttl",
            "/rolegraph/sparql?" + form("query", "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 200")};
        for (String path : paths) {
            HttpResponse<byte[]> plain = get(path);
            assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), path);
            HttpResponse<byte[]> gzip = get(path, "Accept-Encoding", "gzip");
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(null), path);
            byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes();
            assertTrue(unzipped.length > gzip.body().length, path);
            // q=0 refuses an encoding (RFC 9110): gzip is not used.
            for (String refusal : List.of("gzip;q=0", "gzip; q=0.0, identity", "*;q=0, identity")) {
                HttpResponse<byte[]> refused = get(path, "Accept-Encoding", refusal);
                assertFalse(refused.headers().firstValue("Content-Encoding").isPresent(), path + " with " + refusal);
            }
        }
    }

    @Test
    void requestBodiesOverTheCapGet413() {
        HttpResponse<byte[]> response = post("/rolegraph/sparql", "application/sparql-query", "SELECT * WHERE { ?s ?p ?o } #"
                + "x".repeat(5000));
        assertEquals(413, response.statusCode());
        assertEquals(200, get("/healthz").statusCode());
    }

    @Test
    void theOntologyContextAndShapesArePublished() throws IOException {
        assertTrue(Http.text(get("/ontology", "Accept", "text/html")).contains("rg:reportsTo"));
        assertTrue(parse(get("/ontology", "Accept", "text/turtle").body(), Lang.TURTLE).size() > 100);
        assertTrue(parse(get("/ontology?format=jsonld").body(), Lang.JSONLD).size() > 100);
        JsonNode context = new ObjectMapper().readTree(get("/context.jsonld").body());
        assertEquals("rg:reportsTo", context.get("@context").get("reportsTo").get("@id").asText());
        Graph shapes = GraphFactory.createDefaultGraph();
        RDFParser.fromString(Http.text(get("/shapes.ttl")), Lang.TURTLE).parse(shapes);
        assertTrue(shapes.size() > 50);
    }

    @Test
    void anyOtherPathGetsTheSitesNotFoundPage() {
        for (String path : List.of("/nonexistent", "/favicon.ico", "/static/nope.css")) {
            HttpResponse<byte[]> response = get(path, "Accept", "text/html");
            assertEquals(404, response.statusCode(), path);
            assertTrue(Http.text(response).contains("<h1>Not found</h1>"), path);
        }
    }

    @Test
    void thePagesRender() {
        String home = Http.text(get("/", "Accept", "text/html"));
        assertTrue(home.contains("<a href=\"/role/delivery-manager\">Delivery manager</a>"));
        String search = Http.text(get("/?q=owner"));
        assertTrue(search.contains("Product owner") && !search.contains("Delivery manager</a>"));
        String sparql = Http.text(get("/sparql?" + form("query", "SELECT ?x WHERE { BIND(\"<b>bold</b>\" AS ?x) }")));
        assertTrue(sparql.contains("&lt;b&gt;bold&lt;/b&gt;"), "results are escaped");
        assertTrue(Http.text(get("/sparql?example=similar")).contains("Jaccard"));
        assertTrue(Http.text(get("/static/style.css")).contains("table.compare"));
    }
}
