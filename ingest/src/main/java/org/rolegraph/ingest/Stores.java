package org.rolegraph.ingest;

import java.io.File;
import java.nio.file.Path;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.transaction.txn.TransactionException;
import org.apache.jena.dboe.transaction.txn.journal.Journal;
import org.apache.jena.tdb2.sys.DatabaseConnection;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The stores RoleGraph keeps data in: TDB2, on disk or in memory. Both answer queries on the default
 * graph with the union of the named graphs, because every triple lives in its source's graph.
 */
public final class Stores {
    private Stores() {}

    /** A fresh, empty in-memory store. */
    public static DatasetGraph inMemory() {
        return withUnionDefaultGraph(DatabaseMgr.createDatasetGraph());
    }

    /**
     * Opens (or creates) a TDB2 store in {@code directory}. A process killed in the middle of writing
     * the transaction journal can leave an incomplete entry at its end, which TDB2's recovery refuses
     * to read; that entry belongs to a transaction that never committed, so the journal is cut back to
     * its last whole entry and the store opened again.
     */
    public static DatasetGraph open(Path directory) {
        try {
            return withUnionDefaultGraph(DatabaseMgr.connectDatasetGraph(directory.toString()));
        } catch (TransactionException e) {
            if (e.getMessage() == null || !e.getMessage().contains("journal") || !cutTornJournals(directory)) {
                throw e;
            }
            DatabaseConnection.internalExpel(Location.create(directory.toString()), true);
            return withUnionDefaultGraph(DatabaseMgr.connectDatasetGraph(directory.toString()));
        }
    }

    /** Cuts each journal of the store back to its last whole entry; true when one was torn. */
    private static boolean cutTornJournals(Path directory) {
        boolean cut = false;
        File[] dataDirectories = directory.toFile().listFiles((dir, name) -> name.startsWith("Data-"));
        if (dataDirectories == null) {
            return false;
        }
        for (File data : dataDirectories) {
            if (!new File(data, "journal.jrnl").exists()) {
                continue;
            }
            Journal journal = Journal.create(Location.create(data.getPath()));
            try {
                long whole = 0;
                try {
                    while (whole < journal.size()) {
                        journal.readJournal(whole);
                        whole = journal.position();
                    }
                } catch (TransactionException torn) {
                    journal.truncate(whole);
                    journal.sync();
                    cut = true;
                }
            } finally {
                journal.close();
            }
        }
        return cut;
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
