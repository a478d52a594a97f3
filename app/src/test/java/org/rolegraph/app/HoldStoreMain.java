package org.rolegraph.app;

import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.ingest.Stores;

/** Opens a TDB2 store and holds it until killed: the other process of the store-lock test. */
public final class HoldStoreMain {
    private HoldStoreMain() {}

    public static void main(String[] args) throws InterruptedException {
        DatasetGraph store = Stores.open(Path.of(args[0]));
        store.begin(org.apache.jena.query.ReadWrite.READ);
        store.end();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
