package org.rolegraph.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.rolegraph.model.RG;
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

    /** Work done on a store; it may throw a checked exception, such as an {@link IngestException}. */
    @FunctionalInterface
    public interface StoreWork<T, E extends Exception> {
        T run(DatasetGraph store) throws E;
    }

    /**
     * Opens the existing TDB2 store in {@code directory}, for reading or writing. A journal torn by a
     * killed process is cut back to its last whole entry first (see {@link TornJournals}), so the store
     * opens as it was at its last commit.
     *
     * @throws StoreException when there is no store there, something else is there, the store's
     *     creation never finished, another process holds it, or TDB2 cannot open it
     */
    public static DatasetGraph open(Path directory) {
        switch (StoreDirectory.state(directory)) {
            case ABSENT, EMPTY -> throw new StoreException(StoreException.Reason.NO_STORE,
                    directory + ": there is no store here (" + (Files.exists(directory) ? "an empty directory" : "no such directory")
                            + "); an ingest with --store creates one", null);
            case NOT_A_STORE -> throw notAStore(directory);
            case NEVER_COMMITTED -> {
                // An empty store TDB2 finished creating opens; one it did not finish would fail below
                // with a message about block managers, so say what it is instead.
                return openTdb2(directory, true);
            }
            case COMMITTED -> {
                return openTdb2(directory, false);
            }
        }
        throw new AssertionError();
    }

    /**
     * Opens the store in {@code directory}, or creates an empty one there, atomically, when there is
     * none (no directory, an empty one, or a store whose creation never finished).
     */
    public static DatasetGraph openOrCreate(Path directory) {
        if (needsCreating(directory)) {
            StoreDirectory.create(directory, store -> null);
        }
        return open(directory);
    }

    /**
     * Runs {@code work} on the store in {@code directory} and releases it. When there is no store yet
     * (no directory, an empty one, or a store whose creation never finished), the work runs on a new
     * store made beside the target, which is renamed into place only once the work has returned: a
     * failed or killed first ingest leaves no store behind, and a store is never half-created.
     */
    public static <T, E extends Exception> T write(Path directory, StoreWork<T, E> work) throws E {
        if (needsCreating(directory)) {
            return StoreDirectory.create(directory, work);
        }
        DatasetGraph store = open(directory);
        try {
            return work.run(store);
        } finally {
            release(store);
        }
    }

    private static boolean needsCreating(Path directory) {
        StoreDirectory.State state = StoreDirectory.state(directory);
        if (state == StoreDirectory.State.NOT_A_STORE) {
            throw notAStore(directory);
        }
        if (state == StoreDirectory.State.NEVER_COMMITTED) {
            long holder = StoreDirectory.holder(directory);
            if (holder >= 0) {
                throw inUse(directory, holder, null);
            }
            LoggerFactory.getLogger(Stores.class).info("{}: holds a store that was never committed to; starting it afresh", directory);
        }
        return state != StoreDirectory.State.COMMITTED;
    }

    /**
     * Runs {@code work} on a TDB2 store created in the (new) {@code directory}, then releases it. The
     * store's first commit records the ontology's prefix, so a store RoleGraph made always has a
     * commit, and one that has none was never finished.
     */
    static <T, E extends Exception> T withNewStore(Path directory, StoreWork<T, E> work) throws E {
        DatasetGraph store = withUnionDefaultGraph(DatabaseMgr.connectDatasetGraph(directory.toString()));
        try {
            store.executeWrite(() -> store.prefixes().add("rg", RG.NS));
            store.getContext().set(BEING_CREATED, true);
            return work.run(store);
        } finally {
            store.getContext().remove(BEING_CREATED);
            release(store);
        }
    }

    /** Work that streams quads into a store being created (bulkLoad). */
    public interface BulkWork<E extends Exception> {
        void fill(org.apache.jena.riot.system.StreamRDF quads) throws E;
    }

    /**
     * Streams what {@code work} writes into a store being created ({@link #isBeingCreated}) through
     * TDB2's parallel bulk loader, which builds the indexes outside a transaction, several at once.
     * When the work throws, the loader stops and the exception goes on: {@link #write} then throws
     * the new store away whole, so all or nothing holds without a transaction.
     */
    public static <E extends Exception> void bulkLoad(DatasetGraph store, BulkWork<E> work) throws E {
        org.apache.jena.tdb2.loader.DataLoader loader =
                org.apache.jena.tdb2.loader.LoaderFactory.parallelLoader(store, (format, args) -> { });
        loader.startBulk();
        try {
            work.fill(loader.stream());
        } catch (Exception e) {
            loader.finishException(e);
            throw e;
        }
        loader.finishBulk();
    }

    /** Set on a store while Stores.write fills it as a new store (see isBeingCreated). */
    private static final org.apache.jena.sparql.util.Symbol BEING_CREATED =
            org.apache.jena.sparql.util.Symbol.create("https://w3id.org/rolegraph/ontology#beingCreated");

    /**
     * Whether {@code store} is a new TDB2 store that {@link #write} is filling: empty, and thrown away
     * whole if the work fails, so it may be loaded outside a transaction (TDB2's bulk loader).
     */
    public static boolean isBeingCreated(DatasetGraph store) {
        return store.getContext().isTrue(BEING_CREATED);
    }

    private static DatasetGraph openTdb2(Path directory, boolean neverCommitted) {
        long holder = StoreDirectory.holder(directory);
        // Open in this JVM already: TDB2 hands out the same store again.
        if (holder >= 0 && holder != ProcessHandle.current().pid()) {
            throw inUse(directory, holder, null);
        }
        for (Path journal : TornJournals.repair(directory)) {
            LoggerFactory.getLogger(Stores.class).warn("{}: cut an unfinished entry (a write that never committed) from the end of the journal", journal);
        }
        try {
            DatasetGraph store = withUnionDefaultGraph(DatabaseMgr.connectDatasetGraph(directory.toString()));
            if (neverCommitted) {
                probe(directory, store);
            }
            return store;
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (neverCommitted && !org.apache.jena.tdb2.sys.StoreConnection.isSetup(org.apache.jena.dboe.base.file.Location.create(directory.toString()))) {
                StoreDirectory.unlockAfterFailedOpen(directory);
                throw new StoreException(StoreException.Reason.UNFINISHED, directory
                        + ": holds a store whose creation never finished (nothing was ever committed to it); "
                        + "an ingest with --store starts it afresh", e);
            }
            throw new StoreException(StoreException.Reason.CANNOT_OPEN, directory + ": cannot open the TDB2 store: " + message, e);
        }
    }

    /**
     * Reads every index of a store nothing was ever committed to once. A creation killed after TDB2
     * sized an index file but before it wrote the index's root opens without complaint, then fails on
     * its first read ("No known block type for 0", seen in CI's CrashSafetyTest): such a store is
     * unfinished, which an ingest starts afresh.
     */
    private static void probe(Path directory, DatasetGraph store) {
        try {
            org.apache.jena.system.Txn.executeRead(store, () -> {
                store.listGraphNodes().hasNext();
                store.find().hasNext();
                store.getDefaultGraph().find().hasNext();
                store.prefixes().isEmpty();
            });
        } catch (RuntimeException e) {
            release(store);
            throw new StoreException(StoreException.Reason.UNFINISHED, directory
                    + ": holds a store whose creation never finished (nothing was ever committed to it); "
                    + "an ingest with --store starts it afresh", e);
        }
    }

    private static StoreException notAStore(Path directory) {
        return new StoreException(StoreException.Reason.NOT_A_STORE, directory + ": not a TDB2 store ("
                + (Files.isDirectory(directory) ? "a directory with other files in it" : "a file") + "); give a new or empty directory", null);
    }

    private static StoreException inUse(Path directory, long pid, Throwable cause) {
        return new StoreException(StoreException.Reason.IN_USE, directory + ": the store is in use by another process ("
                + (pid > 0 ? "pid " + pid : "its pid unknown") + "); stop it, or query it through its server with --endpoint", cause);
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
