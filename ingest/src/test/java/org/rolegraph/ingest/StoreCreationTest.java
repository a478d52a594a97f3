package org.rolegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store appears whole or not at all: a first ingest fills a new store beside the target and renames
 * it into place; a store TDB2 never finished creating is recognised and started afresh; a store with
 * committed data, or a directory of other files, is never touched.
 */
class StoreCreationTest {

    @Test
    void openingAMissingStoreIsAnErrorNamingThePathAndCreatesNothing(@TempDir Path dir) {
        Path missing = dir.resolve("typo");
        StoreException e = assertThrows(StoreException.class, () -> Stores.open(missing));
        assertEquals(StoreException.Reason.NO_STORE, e.reason());
        assertEquals(missing + ": there is no store here (no such directory); an ingest with --store creates one", e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void anEmptyDirectoryIsNoStoreToReadButAFirstIngestFillsIt(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(StoreException.Reason.NO_STORE, assertThrows(StoreException.class, () -> Stores.open(empty)).reason());
        IngestResult result = Stores.write(empty, store -> Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml"))));
        assertEquals(result.quads(), Fixtures.quads(empty).size());
        assertEquals(List.of("empty"), names(dir), "nothing left beside the store");
    }

    @Test
    void aFirstIngestAppearsOnlyWhenCommittedAndHoldsExactlyItsQuads(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("parent").resolve("store");
        Set<String> expected = Fixtures.quads(Fixtures.baseStore());
        IngestResult result = Stores.write(target, store -> {
            assertFalse(Files.exists(target), "the store is not at its path while it is being filled");
            return Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml")));
        });
        assertTrue(result.committed());
        assertEquals(expected, Fixtures.quads(target));
        assertEquals(List.of("store"), names(target.getParent()), "no temporary directory left");
        assertEquals(StoreDirectory.State.COMMITTED, StoreDirectory.state(target));
    }

    @Test
    void aFailedFirstIngestLeavesNoStoreBehind(@TempDir Path dir) {
        Path target = dir.resolve("store");
        IngestException e = assertThrows(IngestException.class, () -> Stores.write(target,
                store -> Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml"), Fixtures.path("bad/unknown-role.yaml")))));
        assertFalse(e.problems().isEmpty());
        assertFalse(Files.exists(target), "no store");
        assertEquals(List.of(), names(dir), "no temporary directory either");
    }

    @Test
    void aFirstIngestThroughTheBulkLoaderHoldsWhatATransactionalOneHolds(@TempDir Path dir) throws Exception {
        // The curated data set restates entries across files: each quad must be stored once.
        List<Path> curated;
        try (Stream<Path> files = Files.walk(Path.of("..", "data"))) {
            curated = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        DatasetGraph inMemory = Stores.inMemory();
        IngestResult transactional = Ingest.create().load(inMemory, curated);
        Path target = dir.resolve("store");
        IngestResult bulk = Stores.write(target, store -> Ingest.create().load(store, curated));
        assertEquals(Fixtures.quads(inMemory), Fixtures.quads(target));
        assertEquals(transactional.quads(), bulk.quads());
        assertEquals(Fixtures.quads(target).size(), bulk.quads());
        assertEquals(transactional.graphs(), bulk.graphs());
    }

    @Test
    void aFirstIngestThatBreaksOnlyTheShapesLeavesNoStoreBehind(@TempDir Path dir) throws Exception {
        // Two sources give one role two English labels: every reference resolves, and the shapes allow
        // one preferred label a language (sh:uniqueLang), checked once the bulk loader has finished.
        Path one = Files.writeString(dir.resolve("one.yaml"), String.join("\n", "format: rolegraph/1",
                "sources:", "  - {id: notes-one, title: Notes one}", "roles:",
                "  - {id: lead, label: Lead, source: notes-one}", ""));
        Path two = Files.writeString(dir.resolve("two.yaml"), String.join("\n", "format: rolegraph/1",
                "sources:", "  - {id: notes-two, title: Notes two}", "roles:",
                "  - {id: lead, label: Team lead, source: notes-two}", ""));
        Path target = dir.resolve("store");
        IngestException e = assertThrows(IngestException.class,
                () -> Stores.write(target, store -> Ingest.create().load(store, List.of(one, two))));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().startsWith("does not conform to the shapes: role 'lead'")),
                e.problems().toString());
        assertFalse(Files.exists(target), "no store");
        assertEquals(List.of("one.yaml", "two.yaml"), names(dir), "no temporary directory either");
    }

    @Test
    void aFailedIngestIntoAnExistingStoreLeavesItAsItWas(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("store");
        Stores.write(target, store -> Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml"))));
        Set<String> before = Fixtures.quads(target);
        assertThrows(IngestException.class, () -> Stores.write(target,
                store -> Ingest.create().load(store, List.of(Fixtures.path("bad/unknown-role.yaml")))));
        assertEquals(before, Fixtures.quads(target));
    }

    @Test
    void anEmptyStoreMadeForClientsOpensAgainAsAStore(@TempDir Path dir) {
        Path target = dir.resolve("store");
        Stores.release(Stores.openOrCreate(target));
        assertEquals(StoreDirectory.State.COMMITTED, StoreDirectory.state(target), "its first commit is the prefix");
        DatasetGraph again = Stores.open(target);
        try {
            assertEquals(Set.of(), Fixtures.quads(again));
        } finally {
            Stores.release(again);
        }
    }

    /**
     * The state a kill leaves when TDB2 itself creates a store: its files laid out one by one, the
     * node B+tree's block file still empty. TDB2 refuses it with a message about block managers.
     */
    @Test
    void aStoreTdb2NeverFinishedCreatingIsNamedAsSuchNotAsCorruption(@TempDir Path dir) throws Exception {
        Path target = halfCreatedByTdb2(dir.resolve("store"));
        assertEquals(StoreDirectory.State.NEVER_COMMITTED, StoreDirectory.state(target));
        StoreException e = assertThrows(StoreException.class, () -> Stores.open(target));
        assertEquals(StoreException.Reason.UNFINISHED, e.reason());
        assertEquals(target + ": holds a store whose creation never finished (nothing was ever committed to it); "
                + "an ingest with --store starts it afresh", e.getMessage());
        assertTrue(e.getCause().getMessage().contains("block manager"), "TDB2 itself refuses it: " + e.getCause());

        // The same process then starts it afresh with an ingest.
        IngestResult result = Stores.write(target, store -> Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml"))));
        assertEquals(result.quads(), Fixtures.quads(target).size());
        assertEquals(List.of("store"), names(dir));
    }

    /**
     * The other state a kill leaves, seen in CI: TDB2 sized an index's block file but never wrote its
     * root, so the store opens and fails on the first read ("No known block type for 0").
     */
    @Test
    void aStoreWhoseIndexRootWasNeverWrittenIsNamedUnfinishedNotHandedOut(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("store");
        DatasetGraph raw = DatabaseMgr.connectDatasetGraph(target.toString());
        raw.close();
        TDBInternal.expel(raw);
        Path index = target.resolve("Data-0001").resolve("GSPO.idn");
        try (FileChannel channel = FileChannel.open(index, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.allocate((int) Math.min(Files.size(index), 8192)), 0);
        }
        assertEquals(StoreDirectory.State.NEVER_COMMITTED, StoreDirectory.state(target));
        StoreException e = assertThrows(StoreException.class, () -> Stores.open(target));
        assertEquals(StoreException.Reason.UNFINISHED, e.reason());
        assertTrue(String.valueOf(e.getCause()).contains("block type"), "the first read fails: " + e.getCause());

        IngestResult result = Stores.write(target, store -> Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml"))));
        assertEquals(result.quads(), Fixtures.quads(target).size());
    }

    @Test
    void aStoreWithCommittedDataIsNeverStartedAfresh(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("store");
        Stores.write(target, store -> Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml"))));
        truncate(target.resolve("Data-0001").resolve("nodes.idn"));
        StoreException e = assertThrows(StoreException.class, () -> Stores.open(target));
        assertEquals(StoreException.Reason.CANNOT_OPEN, e.reason());
        assertThrows(StoreException.class, () -> Stores.write(target, store -> null));
        assertTrue(Files.size(target.resolve("Data-0001").resolve("nodes-data.obj")) > 0, "its data is still there");
    }

    @Test
    void aDirectoryOfOtherFilesIsRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectory(dir.resolve("documents"));
        Files.writeString(target.resolve("notes.txt"), "mine");
        for (var attempt : List.<Runnable>of(() -> Stores.open(target), () -> Stores.openOrCreate(target))) {
            StoreException e = assertThrows(StoreException.class, attempt::run);
            assertEquals(StoreException.Reason.NOT_A_STORE, e.reason());
            assertEquals(target + ": not a TDB2 store (a directory with other files in it); give a new or empty directory", e.getMessage());
        }
        assertEquals(List.of("notes.txt"), names(target));
        assertEquals("mine", Files.readString(target.resolve("notes.txt")));
    }

    @Test
    void leftoversOfAKilledCreationAreRemovedByTheNext(@TempDir Path dir) throws Exception {
        // A creation killed before its rename leaves its directory beside the target, named with its pid.
        long deadPid = deadPid();
        Path leftover = Files.createDirectories(dir.resolve(".store.rolegraph-new-" + deadPid).resolve("Data-0001"));
        Files.writeString(leftover.resolve("nodes.dat"), "partial");
        Path unrelated = Files.createDirectory(dir.resolve(".store.rolegraph-new-notapid"));
        Stores.write(dir.resolve("store"), store -> Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml"))));
        assertEquals(List.of(".store.rolegraph-new-notapid", "store"), names(dir));
        assertTrue(Files.isDirectory(unrelated));
    }

    /** A TDB2 store created by TDB2 directly, then cut as a kill during its layout cuts it. */
    static Path halfCreatedByTdb2(Path target) throws IOException {
        DatasetGraph raw = DatabaseMgr.connectDatasetGraph(target.toString());
        raw.close();
        TDBInternal.expel(raw);
        truncate(target.resolve("Data-0001").resolve("nodes.idn"));
        return target;
    }

    private static void truncate(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }


    private static List<String> names(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
