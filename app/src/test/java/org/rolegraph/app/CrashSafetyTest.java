package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolegraph.ingest.Stores;
import org.rolegraph.model.IriScheme;

/**
 * A child JVM ingests batches into a TDB2 store and is killed with kill -9 at random moments. After
 * each kill the store opens and holds every batch the child said was committed, each one whole, and
 * no part of any other. 5 kills in the default run; 50 in the reliability profile.
 */
class CrashSafetyTest {

    @Test
    void killedIngestsLeaveOnlyWholeCommittedBatches(@TempDir Path dir) throws Exception {
        int kills = Integer.getInteger("rolegraph.kills", 5);
        Path store = dir.resolve("store");
        SplittableRandom random = new SplittableRandom(2026);
        int next = 0;
        long batchSize = -1;
        int survived = 0;
        int killedMidWrite = 0;
        for (int k = 0; k < kills; k++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), IngestLoopMain.class.getName(), store.toString(), Integer.toString(next))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> lines = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> out.lines().forEach(line -> {
                synchronized (lines) {
                    lines.add(line);
                }
            }));
            reader.start();
            // Let it start and commit some batches, then kill it at a random point of its work.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                synchronized (lines) {
                    if (!lines.isEmpty()) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            Thread.sleep(random.nextInt(50, 600));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join(10_000);
            int acknowledged = next - 1;
            synchronized (lines) {
                for (String line : lines) {
                    String[] parts = line.split(" ");
                    acknowledged = Integer.parseInt(parts[1]);
                    batchSize = Long.parseLong(parts[2]);
                }
            }
            if (journalInUse(store)) {
                killedMidWrite++;
            }
            // Reopen: every acknowledged batch whole, the batches a prefix, none partial.
            DatasetGraph reopened = Stores.open(store);
            int present = 0;
            reopened.begin(ReadWrite.READ);
            try {
                for (int i = 0; ; i++) {
                    Node graph = NodeFactory.createURI(IriScheme.DEFAULT.graph("batch-" + i));
                    long size = reopened.getGraph(graph).size();
                    if (size == 0) {
                        break;
                    }
                    assertEquals(batchSize, size, "batch " + i + " is whole");
                    present = i + 1;
                }
                Node after = NodeFactory.createURI(IriScheme.DEFAULT.graph("batch-" + (present + 1)));
                assertEquals(0, reopened.getGraph(after).size(), "no batch after a gap");
            } finally {
                reopened.end();
                Stores.release(reopened);
            }
            assertTrue(present >= acknowledged + 1, "acknowledged " + acknowledged + " but found " + present);
            next = present;
            survived++;
        }
        System.out.printf("crash safety: %d kills survived, %d of them in the middle of a write (journal not empty), %d batches committed%n",
                survived, killedMidWrite, next);
        assertEquals(kills, survived);
        assertTrue(next > kills, "batches were committed between kills: " + next);
    }

    /** True when the kill left a transaction in the journal: it came in the middle of a write. */
    private static boolean journalInUse(Path store) throws java.io.IOException {
        try (java.util.stream.Stream<Path> data = java.nio.file.Files.list(store)) {
            return data.filter(p -> p.getFileName().toString().startsWith("Data-")).map(p -> p.resolve("journal.jrnl"))
                    .anyMatch(j -> j.toFile().length() > 0);
        }
    }
}
