package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.Ontology;
import org.rolegraph.model.PROV;

/** The curated data set shipped in the jar: complete, conforming, and described by the ontology. */
class EmbeddedDataTest {

    private static final DatasetGraph STORE = EmbeddedData.load(IriScheme.DEFAULT);

    @Test
    void theIngestedDataSetConformsToTheShapes() {
        STORE.begin(ReadWrite.READ);
        try {
            ValidationReport report = ShaclValidator.get().validate(Shapes.parse(Ontology.shapes().getGraph()),
                    STORE.getUnionGraph());
            StringBuilder problems = new StringBuilder();
            report.getEntries().forEach(e -> problems.append(e).append('\n'));
            assertTrue(report.conforms(), problems.toString());
            assertTrue(STORE.getUnionGraph().size() > 1000);
        } finally {
            STORE.end();
        }
    }

    @Test
    void everyTermTheDataUsesIsDeclaredWithALabelAndComment() {
        Model ontology = Ontology.ontology();
        Set<String> missing = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        STORE.begin(ReadWrite.READ);
        try {
            STORE.find().forEachRemaining(quad -> {
                used.add(quad.getPredicate().getURI());
                if (quad.getPredicate().equals(RDF.type.asNode()) && quad.getObject().isURI()) {
                    used.add(quad.getObject().getURI());
                }
            });
        } finally {
            STORE.end();
        }
        used.remove(RDF.type.getURI());
        for (String term : used) {
            Resource declared = ontology.getResource(term);
            if (!declared.hasProperty(RDFS.label) || !declared.hasProperty(RDFS.comment)) {
                missing.add(term);
            }
        }
        assertEquals(Set.of(), missing);
        assertTrue(used.size() > 40, "the data uses " + used.size() + " terms");
    }

    @Test
    void everyTripleStandsInTheNamedGraphOfADescribedSource() {
        Graph union;
        STORE.begin(ReadWrite.READ);
        try {
            assertFalse(STORE.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY).hasNext(),
                    "nothing may sit outside a source's graph");
            union = STORE.getUnionGraph();
            List<Node> graphs = org.apache.jena.atlas.iterator.Iter.toList(STORE.listGraphNodes());
            assertEquals(9, graphs.size(), graphs.toString());
            for (Node graph : graphs) {
                List<Node> sources = union.find(graph, PROV.wasDerivedFrom.asNode(), Node.ANY)
                        .mapWith(t -> t.getObject()).toList();
                assertEquals(1, sources.size(), graph.toString());
                assertTrue(union.contains(sources.get(0), DCTerms.title.asNode(), Node.ANY), sources.toString());
            }
        } finally {
            STORE.end();
        }
    }

    @Test
    void theIndexListsEveryDataFileOfTheRepository() throws IOException {
        Set<String> listed = new TreeSet<>();
        EmbeddedData.inputs().forEach(input -> listed.add(input.name().substring("data/".length())));
        Path data = Path.of("..", "data");
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(data)) {
            files.filter(Files::isRegularFile)
                    .map(p -> data.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> name.matches(".*\\.(yaml|yml|json|csv)"))
                    .forEach(onDisk::add);
        }
        assertEquals(onDisk, listed);
    }
}
