package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolegraph.ingest.Ingest;
import org.rolegraph.ingest.StoreException;
import org.rolegraph.ingest.Stores;
import org.rolegraph.model.IriScheme;

/**
 * A child JVM ingests batches into a TDB2 store and is killed with kill -9 at random moments. After
 * each kill the store opens and holds every batch the child said was committed, each one whole, and
 * no part of any other. 5 kills in the default run; 50 in the reliability profile. The first ingest
 * into a new directory is killed too, at instants spread over the creation of the store.
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

    /**
     * The first ingest into a new directory, killed at instants spread uniformly over its whole
     * length (store creation, the batch, the rename), measured first by one run left to finish. Each
     * time the directory is absent or holds the whole batch, and a second ingest into it succeeds
     * without anybody deleting anything. 10 kills in the default run; 100 in the reliability profile.
     */
    @Test
    void killedFirstIngestsLeaveNoStoreOrAWholeOne(@TempDir Path dir) throws Exception {
        int kills = Integer.getInteger("rolegraph.creationKills", 10);
        Child calibration = Child.start(dir.resolve("calibration"), false);
        long creationNanos = calibration.untilCommitted();
        long batchSize = calibration.batchSize;
        SplittableRandom random = new SplittableRandom(18);
        int absent = 0;
        int whole = 0;
        for (int k = 0; k < kills; k++) {
            Path target = dir.resolve("store-" + k);
            long at = (long) (random.nextDouble() * 1.2 * creationNanos);
            Child.start(target, false).killAfterBegin(at);
            if (!java.nio.file.Files.exists(target)) {
                absent++;
            } else {
                assertEquals(Map.of("batch-0", batchSize), batches(target), "killed at " + at / 1_000_000 + " ms: the whole batch");
                whole++;
            }
            assertSecondIngestSucceeds(target);
        }
        System.out.printf("store creation: %d kills over %.0f ms of a first ingest: %d left no store, %d the whole batch, 0 unopenable%n",
                kills, creationNanos / 1e6, absent, whole);
        assertEquals(kills, absent + whole);
    }

    /**
     * A store TDB2 creates by itself (as older RoleGraph versions did), killed while it lays out its
     * files or writes its first batch: whatever the kill leaves opens, or is named a store whose
     * creation never finished and is started afresh by the next ingest; never "cannot open".
     */
    @Test
    void killedCreationsByTdb2ItselfAreRecognisedAndStartedAfresh(@TempDir Path dir) throws Exception {
        int kills = Math.max(3, Integer.getInteger("rolegraph.creationKills", 10) / 4);
        Child calibration = Child.start(dir.resolve("calibration"), true);
        long creationNanos = calibration.untilCommitted();
        long batchSize = calibration.batchSize;
        SplittableRandom random = new SplittableRandom(1818);
        int opened = 0;
        int unfinished = 0;
        for (int k = 0; k < kills; k++) {
            Path target = dir.resolve("store-" + k);
            Child.start(target, true).killAfterBegin((long) (random.nextDouble() * 1.2 * creationNanos));
            if (java.nio.file.Files.exists(target)) {
                try {
                    Map<String, Long> found = batches(target);
                    assertTrue(found.isEmpty() || found.equals(Map.of("batch-0", batchSize)), "empty or whole: " + found);
                    opened++;
                } catch (StoreException e) {
                    assertEquals(StoreException.Reason.UNFINISHED, e.reason(), e.getMessage());
                    unfinished++;
                }
            }
            assertSecondIngestSucceeds(target);
        }
        System.out.printf("store creation by TDB2 itself: %d kills, %d opened, %d named unfinished and started afresh%n",
                kills, opened, unfinished);
    }

    /** Ingests batch 1 into the directory as a user would after the kill: it must simply work. */
    private static void assertSecondIngestSucceeds(Path target) throws Exception {
        // Beside the store, in the test's temporary directory, so that nothing is left in /tmp.
        Path file = java.nio.file.Files.writeString(target.resolveSibling(target.getFileName() + "-batch-1.yaml"), IngestLoopMain.batch(1));
        Stores.write(target, store -> Ingest.create().checkShapes(false).load(store, List.of(file)));
        assertTrue(batches(target).containsKey("batch-1"));
        try (java.util.stream.Stream<Path> siblings = java.nio.file.Files.list(target.getParent())) {
            String prefix = "." + target.getFileName() + ".rolegraph-";
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList(),
                    "nothing left beside the store");
        }
    }

    /** The batch graphs in the store and their sizes. */
    private static Map<String, Long> batches(Path target) {
        DatasetGraph store = Stores.open(target);
        Map<String, Long> sizes = new java.util.TreeMap<>();
        store.begin(ReadWrite.READ);
        try {
            store.listGraphNodes().forEachRemaining(g -> sizes.put(g.getURI().substring(g.getURI().lastIndexOf('/') + 1),
                    (long) store.getGraph(g).size()));
        } finally {
            store.end();
            Stores.release(store);
        }
        return sizes;
    }

    /** A {@link CreateStoreMain} child process and what it printed. */
    private static final class Child {
        private final Process process;
        private final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        long batchSize = -1;

        private Child(Process process) {
            this.process = process;
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> out.lines().forEach(lines::add));
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path target, boolean tdb2Itself) throws java.io.IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CreateStoreMain.class.getName(), target.toString()));
            if (tdb2Itself) {
                command.add("tdb2");
            }
            return new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
        }

        private void awaitBegin() throws InterruptedException {
            assertEquals("BEGIN", lines.poll(60, TimeUnit.SECONDS), "the child starts");
        }

        /** Lets the child finish; returns the nanoseconds from BEGIN to COMMITTED. */
        long untilCommitted() throws InterruptedException {
            awaitBegin();
            long begin = System.nanoTime();
            String committed = lines.poll(60, TimeUnit.SECONDS);
            long nanos = System.nanoTime() - begin;
            assertTrue(committed != null && committed.startsWith("COMMITTED 0 "), "the child commits: " + committed);
            batchSize = Long.parseLong(committed.split(" ")[2]);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            return nanos;
        }

        /** Kills the child with kill -9 {@code nanos} after it said BEGIN. */
        void killAfterBegin(long nanos) throws InterruptedException {
            awaitBegin();
            java.util.concurrent.locks.LockSupport.parkNanos(nanos);
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }
    }

    /** True when the kill left a transaction in the journal: it came in the middle of a write. */
    private static boolean journalInUse(Path store) throws java.io.IOException {
        try (java.util.stream.Stream<Path> data = java.nio.file.Files.list(store)) {
            return data.filter(p -> p.getFileName().toString().startsWith("Data-")).map(p -> p.resolve("journal.jrnl"))
                    .anyMatch(j -> j.toFile().length() > 0);
        }
    }
}
