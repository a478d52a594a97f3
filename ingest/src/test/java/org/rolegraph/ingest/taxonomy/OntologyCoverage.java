package org.rolegraph.ingest.taxonomy;

import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.rolegraph.model.Ontology;

/** Which properties and classes in a store the ontology does not declare: an importer must write none. */
public final class OntologyCoverage {
    private OntologyCoverage() {}

    public static Set<String> undeclaredTerms(DatasetGraph store) {
        Model ontology = Ontology.ontology();
        Set<String> undeclared = new TreeSet<>();
        store.begin(ReadWrite.READ);
        try {
            store.find().forEachRemaining(q -> {
                Node term = q.getPredicate().equals(RDF.type.asNode()) ? q.getObject() : q.getPredicate();
                if (!ontology.containsResource(ontology.createResource(term.getURI()))) {
                    undeclared.add(term.getURI());
                }
            });
        } finally {
            store.end();
        }
        return undeclared;
    }
}
