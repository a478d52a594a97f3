package org.rolegraph.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.ingest.Ingest;
import org.rolegraph.ingest.IngestResult;
import org.rolegraph.ingest.Stores;

/**
 * The first ingest into a new store, killed by the crash-safety test at a random instant of it:
 * prints "BEGIN" just before the store is created and "COMMITTED 0 n" once batch 0 (n quads) is in.
 * With "tdb2" as second argument the store is created the way TDB2 creates one by itself (and older
 * RoleGraph versions did): in place, file by file.
 */
public final class CreateStoreMain {
    private CreateStoreMain() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        boolean tdb2Itself = args.length > 1 && args[1].equals("tdb2");
        Path file = Files.writeString(Files.createTempDirectory("create-store").resolve("batch-0.yaml"), IngestLoopMain.batch(0));
        Ingest ingest = Ingest.create().checkShapes(false);
        System.out.println("BEGIN");
        System.out.flush();
        IngestResult result;
        if (tdb2Itself) {
            DatasetGraph store = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(target.toString());
            result = ingest.load(store, List.of(file));
        } else {
            result = Stores.write(target, store -> ingest.load(store, List.of(file)));
        }
        System.out.println("COMMITTED 0 " + result.quads());
        System.out.flush();
    }
}
