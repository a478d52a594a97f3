package org.rolegraph.ingest;

import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.slf4j.LoggerFactory;

/**
 * The stores RoleGraph keeps data in: TDB2, on disk or in memory. Both answer queries on the default
 * graph with the union of the named graphs, because every triple lives in its source's graph.
 */
public final class Stores {
    private Stores() {}

    /** A fresh, empty in-memory store: TDB2 in memory, built for large data. */
    public static DatasetGraph inMemory() {
        return withUnionDefaultGraph(DatabaseMgr.createDatasetGraph());
    }

    /**
     * A fresh, empty in-memory store that is quick to create and fill: Jena's transactional in-memory
     * dataset, its default graph the union of the named graphs. For small data such as the embedded
     * data set, where TDB2's start-up is most of a short command's time.
     */
    public static DatasetGraph inMemorySmall() {
        return new UnionDefaultGraph(org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem());
    }

    /**
     * Opens (or creates) a TDB2 store in {@code directory}. A journal torn by a killed process is cut
     * back to its last whole entry first (see {@link TornJournals}), so the store opens as it was at
     * its last commit.
     */
    public static DatasetGraph open(Path directory) {
        for (Path journal : TornJournals.repair(directory)) {
            LoggerFactory.getLogger(Stores.class).warn("{}: cut an unfinished entry (a write that never committed) from the end of the journal", journal);
        }
        return withUnionDefaultGraph(DatabaseMgr.connectDatasetGraph(directory.toString()));
    }

    /**
     * Closes a store and, for TDB2 on disk, lets go of its directory, so another process (or a later
     * open in this one) can use it. TDB2 otherwise keeps a directory locked for the life of the JVM.
     */
    public static void release(DatasetGraph dsg) {
        dsg.close();
        if (DatabaseMgr.isTDB2(dsg) && !DatabaseMgr.location(dsg).isMem()) {
            org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
        }
    }

    private static DatasetGraph withUnionDefaultGraph(DatasetGraph dsg) {
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dsg;
    }
}
