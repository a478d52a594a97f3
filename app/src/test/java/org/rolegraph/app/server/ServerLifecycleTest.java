package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolegraph.app.EmbeddedData;
import org.rolegraph.model.IriScheme;

/** A stopped server leaves nothing running in the process. */
class ServerLifecycleTest {

    /** The threads that watch the password file for changes (Jetty's Scanner). */
    private static Set<Thread> passwordWatchers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("Scanner-"))
                .collect(Collectors.toSet());
    }

    @Test
    void anUpdateServerLeavesNoThreadWatchingItsPasswordFile(@TempDir Path dir) throws IOException {
        Set<Thread> before = passwordWatchers();
        Path passwords = Files.writeString(dir.resolve("passwords"), "editor: s3cret\n");
        FusekiServer server = RoleGraphServer.create(EmbeddedData.load(IriScheme.DEFAULT)).port(0)
                .allowUpdate(passwords.toString()).start();
        server.stop();
        Set<Thread> left = passwordWatchers();
        left.removeAll(before);
        // Fuseki's own password-file option left such a thread rereading a file the test had deleted:
        // a warning with a stack trace every second for the rest of the build.
        assertEquals(Set.of(), left.stream().filter(Thread::isAlive).collect(Collectors.toSet()));
    }
}
