package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rolegraph.app.EmbeddedData;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.RG;

/**
 * GET on the query endpoint without a query answers its SPARQL 1.1 Service Description, which must be
 * true of the server: its named graphs are the store's, its limits are the configured ones, and the
 * default graph it calls a union is one (checked by counting through the endpoint).
 */
class ServiceDescriptionTest {
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static DatasetGraph store;
    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() {
        store = EmbeddedData.load(IriScheme.DEFAULT);
        server = RoleGraphServer.create(store).port(0).timeout(Duration.ofSeconds(7)).resultCap(1234).maxBody(4096).start();
        base = "http://127.0.0.1:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Model describe(String path, String accept, Lang lang) {
        HttpResponse<byte[]> response = Http.send(Http.get(base + path, "Accept", accept).build());
        assertEquals(200, response.statusCode(), Http.text(response));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(accept), response.headers().toString());
        Model model = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(response.body())).lang(lang).parse(model);
        return model;
    }

    private static Property sd(String local) {
        return ResourceFactory.createProperty(SD + local);
    }

    @Test
    void describesTheEndpointItsFormatsItsLimitsAndTheStoresNamedGraphs() {
        String endpoint = base + "/rolegraph/sparql";
        Model model = describe("/rolegraph/sparql", "text/turtle", Lang.TURTLE);
        Resource service = model.createResource(endpoint);
        assertTrue(model.contains(service, RDF.type, model.createResource(SD + "Service")));
        assertTrue(model.contains(service, sd("endpoint"), model.createResource(endpoint)));
        assertTrue(model.contains(service, sd("supportedLanguage"), model.createResource(SD + "SPARQL11Query")));
        assertTrue(model.contains(service, sd("feature"), model.createResource(SD + "UnionDefaultGraph")));
        assertTrue(model.contains(service, sd("resultFormat"), model.createResource("http://www.w3.org/ns/formats/SPARQL_Results_JSON")));
        assertEquals("PT7S", service.getProperty(RG.queryTimeout).getString());
        assertEquals(1234, service.getProperty(RG.resultCap).getLong());
        assertEquals(4096, service.getProperty(RG.maxRequestBody).getLong());

        Set<String> described = new TreeSet<>();
        model.listObjectsOfProperty(sd("name")).forEachRemaining(n -> described.add(n.asResource().getURI()));
        Set<String> stored = new TreeSet<>();
        Txn.executeRead(store, () -> store.listGraphNodes().forEachRemaining((Node n) -> stored.add(n.getURI())));
        assertTrue(stored.size() > 1, "the embedded data has several source graphs: " + stored);
        assertEquals(stored, described);
    }

    @Test
    void theDefaultGraphItCallsAUnionIsTheSetUnionOfTheNamedGraphs() {
        String endpoint = base + "/rolegraph/sparql";
        try (QueryExecution inDefault = QueryExecution.service(endpoint).query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").build();
                QueryExecution inNamed = QueryExecution.service(endpoint)
                        .query("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }").build()) {
            long union = inDefault.execSelect().next().getLiteral("n").getLong();
            long distinct = inNamed.execSelect().next().getLiteral("n").getLong();
            assertTrue(union > 1000, "triples in the default graph: " + union);
            assertEquals(distinct, union);
        }
    }

    @Test
    void jsonLdAndNTriplesCarryTheSameGraphAndEveryQueryAddressAnswers() {
        Model turtle = describe("/rolegraph/query", "text/turtle", Lang.TURTLE);
        assertTrue(turtle.isIsomorphicWith(describe("/rolegraph/query", "application/ld+json", Lang.JSONLD)));
        assertTrue(turtle.isIsomorphicWith(describe("/rolegraph/query", "application/n-triples", Lang.NTRIPLES)));
        assertTrue(describe("/rolegraph", "text/turtle", Lang.TURTLE).contains(null, sd("endpoint"),
                turtle.createResource(base + "/rolegraph")));
    }

    @Test
    void aBrowserIsSentToTheQueryPageAndAQueryIsStillAnswered() {
        HttpResponse<byte[]> page = Http.send(Http.get(base + "/rolegraph/sparql", "Accept", "text/html").build());
        assertEquals(303, page.statusCode());
        assertEquals("/sparql", page.headers().firstValue("Location").orElse(""));
        HttpResponse<byte[]> none = Http.send(Http.get(base + "/rolegraph/sparql", "Accept", "image/png").build());
        assertEquals(406, none.statusCode());
        HttpResponse<byte[]> head = Http.send(HttpRequest.newBuilder(URI.create(base + "/rolegraph/sparql"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept", "text/turtle").build());
        assertEquals(200, head.statusCode());
        HttpResponse<byte[]> ask = Http.send(Http.get(base + "/rolegraph/sparql?query=ASK%7B%7D",
                "Accept", "application/sparql-results+json").build());
        assertEquals(200, ask.statusCode());
        assertTrue(Http.text(ask).contains("true"), Http.text(ask));
    }

    @Test
    void aReadOnlyServerNamesNoPlaceForWrites() {
        Model model = describe("/rolegraph/sparql", "text/turtle", Lang.TURTLE);
        assertTrue(model.listObjectsOfProperty(RG.graphStore).toList().isEmpty(), model.toString());
        assertTrue(model.listSubjectsWithProperty(sd("supportedLanguage"), model.createResource(SD + "SPARQL11Update")).toList().isEmpty());
    }
}
