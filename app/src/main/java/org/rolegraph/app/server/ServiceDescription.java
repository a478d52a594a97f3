package org.rolegraph.app.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.rolegraph.model.RG;
import org.rolegraph.model.SD;

/**
 * The SPARQL 1.1 Service Description of the query endpoint (https://www.w3.org/TR/sparql11-service-description/),
 * answered to a GET without a query: clients such as Comunica read it to learn that the address is a
 * SPARQL endpoint. It lists the result formats, that the default graph is the union of the named graphs
 * (as a set), the named graphs themselves, and the server's limits.
 */
final class ServiceDescription {

    private static final String FORMATS = "http://www.w3.org/ns/formats/";
    /** The formats the endpoint answers in: result sets for SELECT and ASK, graphs for CONSTRUCT and DESCRIBE. */
    private static final List<String> RESULT_FORMATS = List.of("SPARQL_Results_JSON", "SPARQL_Results_XML",
            "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD");

    private ServiceDescription() {
    }

    /** The description of the endpoint at {@code endpoint} serving {@code store} within these limits. */
    static Model of(String endpoint, DatasetGraph store, Duration timeout, long resultCap, long maxBody, boolean writable) {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("sd", SD.NS);
        model.setNsPrefix("rg", RG.NS);
        Resource service = model.createResource(endpoint)
                .addProperty(RDF.type, SD.Service)
                .addProperty(SD.endpoint, model.createResource(endpoint))
                .addProperty(SD.supportedLanguage, SD.SPARQL11Query)
                .addProperty(SD.feature, SD.UnionDefaultGraph)
                .addProperty(SD.defaultEntailmentRegime, model.createResource("http://www.w3.org/ns/entailment/Simple"))
                .addLiteral(RG.queryTimeout, model.createTypedLiteral(timeout.toString(), XSDDatatype.XSDdayTimeDuration))
                .addLiteral(RG.resultCap, model.createTypedLiteral(Long.toString(resultCap), XSDDatatype.XSDinteger))
                .addLiteral(RG.maxRequestBody, model.createTypedLiteral(Long.toString(maxBody), XSDDatatype.XSDinteger));
        if (writable) {
            // Where writes go, so that a client given only the query address finds them (rolegraph ingest
            // --endpoint does): SPARQL Update as a service of its own, whole graphs at the Graph Store.
            String base = endpoint.replaceFirst("/(sparql|query)?$", "");
            service.addProperty(RG.graphStore, model.createResource(base + "/graph"));
            model.createResource(base + "/update")
                    .addProperty(RDF.type, SD.Service)
                    .addProperty(SD.endpoint, model.createResource(base + "/update"))
                    .addProperty(SD.supportedLanguage, SD.SPARQL11Update);
        }
        for (String format : RESULT_FORMATS) {
            service.addProperty(SD.resultFormat, model.createResource(FORMATS + format));
        }
        Resource dataset = model.createResource(endpoint + "#dataset").addProperty(RDF.type, SD.Dataset)
                .addProperty(SD.defaultGraph, model.createResource(endpoint + "#default-graph")
                        .addProperty(RDF.type, SD.Graph));
        service.addProperty(SD.defaultDataset, dataset);
        for (Node name : namedGraphs(store)) {
            // Each named graph gets an IRI of its own under the endpoint, so the description has no blank nodes.
            dataset.addProperty(SD.namedGraph, model.createResource(endpoint + "#graph=" + name.getURI())
                    .addProperty(RDF.type, SD.NamedGraph)
                    .addProperty(SD.name, model.createResource(name.getURI())));
        }
        return model;
    }

    private static List<Node> namedGraphs(DatasetGraph store) {
        return Txn.calculateRead(store, () -> {
            List<Node> names = new ArrayList<>();
            for (Iterator<Node> it = store.listGraphNodes(); it.hasNext();) {
                Node name = it.next();
                if (name.isURI()) {
                    names.add(name);
                }
            }
            return names;
        });
    }
}
