package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process per TDB2 store: a second one fails at once with a clear message; after kill -9 it opens. */
class StoreLockTest {

    @Test
    void aStoreInUseIsRefusedClearlyAndOpensAgainAfterTheHolderIsKilled(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        Cli ingest = Cli.run("ingest", "-q", "--store", store.toString(),
                Path.of("..", "ingest", "src", "test", "resources", "fixtures", "good", "base.yaml").toString());
        assertEquals(0, ingest.exitCode(), ingest.err());

        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldStoreMain.class.getName(), store.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            assertEquals("READY", ready);

            long start = System.nanoTime();
            Cli second = Cli.run("roles", "--store", store.toString());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(3, second.exitCode());
            assertTrue(second.err().contains("the store is in use by another process (pid " + holder.pid() + ")"), second.err());
            assertEquals(1, second.err().lines().count(), second.err());
            assertTrue(seconds < 10, "fails fast, took " + seconds + " s");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        // kill -9 leaves the lock file behind; TDB2 sees its process is gone and opens the store.
        Cli after = Cli.run("roles", "--store", store.toString());
        assertEquals(0, after.exitCode(), after.err());
        assertTrue(after.out().contains("alpha-manager"), after.out());
    }
}
