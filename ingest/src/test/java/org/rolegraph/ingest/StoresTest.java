package org.rolegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;

/** The small in-memory store behaves as the TDB2 one does: same quads, union default graph for queries. */
class StoresTest {

    @Test
    void theSmallInMemoryStoreHoldsTheSameQuadsAndQueriesSeeTheUnion() throws Exception {
        DatasetGraph tdb2 = Fixtures.baseStore();
        DatasetGraph small = Stores.inMemorySmall();
        Ingest.create().load(small, List.of(Fixtures.path("good/base.yaml")));
        Set<String> quads = Fixtures.quads(tdb2);
        assertEquals(quads, Fixtures.quads(small));
        String count = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }";
        assertTrue(countOf(small, count) > 50, "a query without GRAPH sees the named graphs");
        assertEquals(countOf(tdb2, count), countOf(small, count), "a query without GRAPH sees the union on both");
        assertEquals(countOf(tdb2, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"), quads.size());
        small.begin(ReadWrite.READ);
        try {
            assertFalse(small.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY).hasNext(), "every quad keeps its graph");
        } finally {
            small.end();
        }
        // A failed ingest leaves this store as it was too.
        assertThrows(IngestException.class, () -> Ingest.create().load(small, List.of(Fixtures.path("bad/unknown-role.yaml"))));
        assertEquals(quads, Fixtures.quads(small));
    }

    @Test
    void theShapesSeeACopyOfExactlyTheUnionGraph() throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        store.begin(ReadWrite.READ);
        try {
            org.apache.jena.graph.Graph copy = Ingest.dataToValidate(store);
            assertTrue(copy.size() > 50);
            assertTrue(copy.isIsomorphicWith(store.getUnionGraph()), "the copy holds the union, nothing more or less");
        } finally {
            store.end();
        }
    }

    @Test
    void theShapesSeeRoleDataButNotTaxonomyReleasesWhichTheirImportersCheck() throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        Set<String> roleData = Fixtures.quads(store);
        org.rolegraph.ingest.esco.EscoImporter.create().load(store, java.nio.file.Path.of(
                StoresTest.class.getClassLoader().getResource("fixtures/esco-1.2.0").toURI()));
        store.begin(ReadWrite.READ);
        try {
            org.apache.jena.graph.Graph seen = Ingest.dataToValidate(store);
            assertEquals(roleData.size(), seen.size(), "exactly the role data's statements");
            assertFalse(seen.contains(Node.ANY, Node.ANY,
                    org.apache.jena.graph.NodeFactory.createURI("http://data.europa.eu/esco/concept-scheme/occupations")));
        } finally {
            store.end();
        }
        // So role data still ingests beside a release whose occupations the role-data shapes would refuse.
        IngestResult again = Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml")));
        assertTrue(again.committed());
    }

    private static long countOf(DatasetGraph store, String query) {
        store.begin(ReadWrite.READ);
        try {
            return ((Number) QueryExec.dataset(store).query(query).select().next().get("n").getLiteralValue()).longValue();
        } finally {
            store.end();
        }
    }
}
