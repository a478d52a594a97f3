package org.rolegraph.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/** Test stores: TDB2 in memory with a union default graph, as RoleGraph keeps its data. */
final class Stores {
    private Stores() {}

    static DatasetGraph load(String resource, boolean reversed) {
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        RDFParser.source(Stores.class.getResource("/" + resource).toString()).parse(parsed);
        List<Quad> quads = new ArrayList<>();
        Txn.executeRead(parsed, () -> parsed.find().forEachRemaining(quads::add));
        if (reversed) {
            Collections.reverse(quads);
        }
        DatasetGraph store = DatabaseMgr.createDatasetGraph();
        store.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(store, () -> quads.forEach(store::add));
        return store;
    }

    /** A copy of the store's quads in a plain in-memory dataset. */
    static DatasetGraph copy(DatasetGraph store) {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        store.begin(ReadWrite.READ);
        try {
            store.find().forEachRemaining(copy::add);
        } finally {
            store.end();
        }
        return copy;
    }

    /** The union of a dataset's graphs (default graph included) as a plain in-memory dataset. */
    static DatasetGraph union(DatasetGraph dataset) {
        DatasetGraph union = DatasetGraphFactory.createTxnMem();
        if (dataset.supportsTransactions()) {
            dataset.begin(ReadWrite.READ);
        }
        try {
            dataset.find().forEachRemaining(q -> union.getDefaultGraph().add(q.asTriple()));
        } finally {
            if (dataset.supportsTransactions()) {
                dataset.end();
            }
        }
        return union;
    }

    /** Removes the data set's own metadata (subject {base}dataset), returning its triples. */
    static List<Triple> removeMetadata(DatasetGraph dataset) {
        Node metadata = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/rolegraph/dataset");
        List<Quad> quads = new ArrayList<>();
        dataset.find(Node.ANY, metadata, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        quads.forEach(dataset::delete);
        return quads.stream().map(Quad::asTriple).toList();
    }
}
