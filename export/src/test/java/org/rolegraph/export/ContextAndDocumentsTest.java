package org.rolegraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SchemaDO;
import org.junit.jupiter.api.Test;
import org.rolegraph.export.internal.JsonLdContext;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.Ontology;
import org.rolegraph.model.RG;

/** The shipped JSON-LD context covers the ontology; role documents are valid and faithful. */
class ContextAndDocumentsTest {

    @Test
    void theContextHasATermForEveryClassAndPropertyOfTheOntology() {
        JsonLdContext context = JsonLdContext.shipped();
        Model ontology = Ontology.ontology();
        Set<String> missing = new TreeSet<>();
        for (Resource type : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)) {
            ontology.listSubjectsWithProperty(RDF.type, type).forEachRemaining(term -> {
                String iri = term.getURI();
                boolean isClass = type.equals(OWL.Class);
                boolean covered = isClass ? context.classTerms().containsKey(iri) : context.term(iri) != null;
                // Superclasses borrowed from schema.org (Article, Dataset) keep their compact IRIs.
                if (!covered && !(isClass && iri.startsWith(SchemaDO.NS.replace("https", "http")) && !iri.endsWith("Occupation"))) {
                    missing.add(iri);
                }
            });
        }
        assertEquals(Set.of(), missing);
        // Coercions: decimals and durations typed, object properties as IRIs, labels in English.
        assertEquals("http://www.w3.org/2001/XMLSchema#decimal", context.term(RG.mean.getURI()).type());
        assertEquals("@id", context.term(RG.reportsTo.getURI()).type());
        assertEquals("en", context.term("http://www.w3.org/2004/02/skos/core#prefLabel").language());
    }

    @Test
    void theContextReadsOfflineAndMeansWhatItSays() {
        String document = "{\"@context\": " + JsonLdContext.shipped().document().get("@context") + ", "
                + "\"@id\": \"role/x\", \"@type\": \"Role\", \"prefLabel\": \"X\", \"mean\": \"1.5\", \"reportsTo\": \"role/y\"}";
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        RdfFiles.parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), Lang.JSONLD,
                StreamRDFLib.dataset(parsed));
        Graph graph = parsed.getDefaultGraph();
        Node x = NodeFactory.createURI("https://w3id.org/rolegraph/role/x");
        assertTrue(graph.contains(x, RDF.type.asNode(), RG.Role.asNode()));
        assertTrue(graph.contains(x, NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel"),
                NodeFactory.createLiteralLang("X", "en")));
        assertTrue(graph.contains(x, RG.mean.asNode(), NodeFactory.createLiteralDT("1.5",
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal)));
        assertTrue(graph.contains(x, RG.reportsTo.asNode(), NodeFactory.createURI("https://w3id.org/rolegraph/role/y")));
    }

    @Test
    void theFramedDocumentIsOneObjectHoldingEverythingSaidAboutTheRole() throws Exception {
        DatasetGraph store = Stores.load("roles.trig", false);
        String framed = RoleDocuments.framed(store, IriScheme.DEFAULT, "lead");
        JsonNode json = new ObjectMapper().readTree(framed);
        assertEquals("role/lead", json.get("@id").asText());
        // Nested, not referenced: duties, salaries with their figures and source, the sources.
        assertEquals("Hire", find(json.get("responsibilities"), "responsibility/hire").get("prefLabel").asText());
        JsonNode salary = find(json.get("estimatedSalary"), "role/lead#salary-two-1");
        assertEquals("95000.5", salary.get("median").asText());
        assertEquals("source/two", salary.get("wasDerivedFrom").get(0).asText());
        assertEquals("Source one", find(json.get("wasDerivedFrom"), "source/one").get("title").asText());
        // Read back offline, it holds every statement the store makes about the role.
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        RdfFiles.parse(new ByteArrayInputStream(framed.getBytes(StandardCharsets.UTF_8)), Lang.JSONLD, StreamRDFLib.dataset(parsed));
        Node lead = NodeFactory.createURI("https://w3id.org/rolegraph/role/lead");
        store.begin(ReadWrite.READ);
        try {
            List<String> lost = new ArrayList<>();
            store.find(Node.ANY, lead, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!parsed.getDefaultGraph().contains(q.asTriple())) {
                    lost.add(q.asTriple().toString());
                }
            });
            assertEquals(List.of(), lost);
        } finally {
            store.end();
        }
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (id.equals(node.path("@id").asText())) {
                return node;
            }
        }
        throw new AssertionError(id + " not nested in " + array);
    }

    @Test
    void theSchemaOrgProjectionUsesOnlySchemaOrgTermsAndKeepsAveragesApartFromMedians() throws Exception {
        DatasetGraph store = Stores.load("roles.trig", false);
        JsonNode json = new ObjectMapper().readTree(RoleDocuments.schemaOrg(store, IriScheme.DEFAULT, "lead"));
        assertEquals("https://schema.org", json.get("@context").asText());
        assertEquals("Occupation", json.get("@type").asText());
        assertEquals("Lead", json.get("name").asText());
        Set<String> schemaTerms = new TreeSet<>();
        for (Field field : SchemaDO.class.getFields()) {
            schemaTerms.add(field.getName());
        }
        List<String> unknown = new ArrayList<>();
        check(json, schemaTerms, unknown);
        assertEquals(List.of(), unknown, "terms that schema.org does not define");
        JsonNode salaries = json.get("estimatedSalary");
        assertTrue(salaries.findValues("median").stream().anyMatch(v -> v.decimalValue().compareTo(new java.math.BigDecimal("95000.5")) == 0));
        JsonNode average = salaries.get(0).get("@type").asText().equals("MonetaryAmount") ? salaries.get(0) : salaries.get(1);
        assertEquals("MonetaryAmount", average.get("@type").asText());
        assertEquals(0, average.get("value").decimalValue().compareTo(new java.math.BigDecimal("100000")));
    }

    private static void check(JsonNode node, Set<String> terms, List<String> unknown) {
        if (node.isArray()) {
            node.forEach(child -> check(child, terms, unknown));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("@type") && !terms.contains(field.getValue().asText())) {
                    unknown.add("@type " + field.getValue().asText());
                } else if (!field.getKey().startsWith("@") && !terms.contains(field.getKey())) {
                    unknown.add(field.getKey());
                }
                check(field.getValue(), terms, unknown);
            }
        }
    }
}
