package org.rolegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader that began before an ingest committed keeps seeing the store as it was when it began. */
class IsolationTest {

    @Test
    void aReaderKeepsItsSnapshotWhileAnIngestCommits(@TempDir Path dir) throws Exception {
        DatasetGraph store = Stores.openOrCreate(dir.resolve("store"));
        try {
            store.begin(ReadWrite.READ);
            Set<String> before;
            try {
                long empty = org.apache.jena.atlas.iterator.Iter.count(store.find());
                assertEquals(0, empty);
                // Another thread ingests and commits while this read transaction is open.
                IngestResult result = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml")));
                    } catch (IngestException e) {
                        throw new IllegalStateException(e);
                    }
                }).get(60, TimeUnit.SECONDS);
                assertTrue(result.committed() && result.quads() > 50);
                assertEquals(0, org.apache.jena.atlas.iterator.Iter.count(store.find()), "the reader still sees the store as it began");
            } finally {
                store.end();
            }
            before = Fixtures.quads(store);
            assertTrue(before.size() > 50, "a new reader sees the commit");
        } finally {
            Stores.release(store);
        }
    }
}
