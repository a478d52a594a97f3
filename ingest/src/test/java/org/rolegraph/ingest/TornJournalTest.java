package org.rolegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while writing TDB2's journal leaves a torn last entry. These tests tear a journal
 * the ways a kill can (data missing, header cut short, garbage after the last entry) and check that
 * the store opens with exactly what it held at its last commit. The first test shows TDB2 alone
 * refuses such a store, so the repair is what makes the others pass.
 */
class TornJournalTest {

    @Test
    void tdb2AloneRefusesAStoreWithATornJournal(@TempDir Path dir) throws Exception {
        Path store = committedStore(dir);
        appendToJournal(store, headerAnnouncing(24));
        assertThrows(RuntimeException.class, () -> DatabaseMgr.connectDatasetGraph(store.toString()));
    }

    @Test
    void entryWhoseDataNeverCameIsCut(@TempDir Path dir) throws Exception {
        assertReopensAsCommitted(dir, headerAnnouncing(24));
    }

    @Test
    void headerCutShortIsCut(@TempDir Path dir) throws Exception {
        assertReopensAsCommitted(dir, new byte[] {0, 0, 0, 24, 1, 2, 3, 4, 0, 0});
    }

    @Test
    void wholeLookingEntryWithWrongChecksumIsCut(@TempDir Path dir) throws Exception {
        byte[] entry = new byte[TornJournals.HEADER_LENGTH + 8];
        System.arraycopy(headerAnnouncing(8), 0, entry, 0, TornJournals.HEADER_LENGTH);
        assertReopensAsCommitted(dir, entry);
    }

    @Test
    void aStoreOpenInThisJvmIsNotTouched(@TempDir Path dir) throws Exception {
        Path store = committedStore(dir);
        DatasetGraph open = Stores.open(store);
        try {
            Path journal = journal(store);
            long before = Files.size(journal);
            appendToJournal(store, headerAnnouncing(24));
            assertEquals(List.of(), TornJournals.repair(store), "a journal in use is never cut");
            assertEquals(before + TornJournals.HEADER_LENGTH, Files.size(journal));
            // Put the live journal back as it was before closing the store.
            try (var channel = java.nio.channels.FileChannel.open(journal, StandardOpenOption.WRITE)) {
                channel.truncate(before);
            }
        } finally {
            Stores.release(open);
        }
    }

    private static void assertReopensAsCommitted(Path dir, byte[] tornTail) throws Exception {
        Path store = committedStore(dir);
        Set<String> committed = Fixtures.quads(store);
        appendToJournal(store, tornTail);
        DatasetGraph reopened = Stores.open(store);
        try {
            assertEquals(committed, Fixtures.quads(reopened));
        } finally {
            Stores.release(reopened);
        }
        assertEquals(0, Files.size(journal(store)), "recovery ran on the cut journal and emptied it");
    }

    /** A store holding one committed ingest, closed and released. */
    private static Path committedStore(Path dir) throws IngestException {
        Path store = dir.resolve("store");
        DatasetGraph dsg = Stores.openOrCreate(store);
        try {
            IngestResult result = Ingest.create().load(dsg, List.of(Fixtures.path("good/base.yaml")));
            assertTrue(result.committed() && result.quads() > 50);
        } finally {
            Stores.release(dsg);
        }
        return store;
    }


    /** A 28-byte journal entry header announcing {@code length} data bytes (checksum not matching). */
    private static byte[] headerAnnouncing(int length) {
        ByteBuffer header = ByteBuffer.allocate(TornJournals.HEADER_LENGTH);
        header.putInt(length).putInt(0x5eed).putInt(1);
        return header.array();
    }

    private static void appendToJournal(Path store, byte[] bytes) throws IOException {
        Files.write(journal(store), bytes, StandardOpenOption.APPEND);
    }

    private static Path journal(Path store) throws IOException {
        try (Stream<Path> data = Files.list(store)) {
            return data.filter(p -> p.getFileName().toString().startsWith("Data-")).sorted().reduce((a, b) -> b)
                    .orElseThrow().resolve("journal.jrnl");
        }
    }
}
