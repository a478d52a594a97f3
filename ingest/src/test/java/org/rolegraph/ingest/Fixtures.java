package org.rolegraph.ingest;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/** The test fixtures of this module and helpers to compare store contents. */
final class Fixtures {
    private Fixtures() {}

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource("fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    /** A fresh in-memory store holding {@code good/base.yaml}. */
    static DatasetGraph baseStore() throws IngestException {
        DatasetGraph store = Stores.inMemory();
        Ingest.create().load(store, List.of(path("good/base.yaml")));
        return store;
    }

    /** Every quad in the store, as sorted strings: equal sets mean equal stores (no blank nodes here). */
    static Set<String> quads(DatasetGraph store) {
        Set<String> quads = new TreeSet<>();
        store.begin(ReadWrite.READ);
        try {
            store.find().forEachRemaining((Quad q) -> quads.add(q.toString()));
        } finally {
            store.end();
        }
        return quads;
    }

    /** Every quad of the TDB2 store in {@code directory}, opened and let go of again. */
    static Set<String> quads(Path directory) {
        DatasetGraph store = Stores.open(directory);
        try {
            return quads(store);
        } finally {
            Stores.release(store);
        }
    }
}
