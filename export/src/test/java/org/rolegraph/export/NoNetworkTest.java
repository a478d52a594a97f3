package org.rolegraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;

/**
 * Reading a JSON-LD document never touches the network: a remote or file context is refused at once,
 * before any connection, even to a host that would accept and never answer.
 */
class NoNetworkTest {

    /** A loopback listener that accepts connections, counts them and never answers. */
    private static final class SilentListener implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        final List<Socket> held = new ArrayList<>();

        SilentListener() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + socket.getLocalPort() + path;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static void read(String json) {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        RdfFiles.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Lang.JSONLD, StreamRDFLib.dataset(dataset));
    }

    @Test
    void aRemoteContextIsRefusedAtOnceWithNoConnection() throws IOException {
        try (SilentListener listener = new SilentListener()) {
            String context = listener.url("/context.jsonld");
            RdfFiles.RemoteContextRefused refused = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                    RdfFiles.RemoteContextRefused.class,
                    () -> read("{\"@context\": \"" + context + "\", \"@id\": \"http://example.org/x\", \"name\": \"x\"}")));
            assertTrue(refused.getMessage().contains(context), refused.getMessage());
            assertEquals(0, listener.connections.get(), "nothing may connect");
        }
    }

    @Test
    void aContextInAListOrNestedInATermIsRefusedToo() throws IOException {
        try (SilentListener listener = new SilentListener()) {
            assertThrows(RdfFiles.RemoteContextRefused.class, () -> read("{\"@context\": [{\"ex\": \"http://example.org/\"}, \""
                    + listener.url("/a") + "\"], \"@id\": \"http://example.org/x\"}"));
            assertThrows(RdfFiles.RemoteContextRefused.class, () -> read("{\"@context\": {\"p\": {\"@id\": \"http://example.org/p\", "
                    + "\"@context\": \"" + listener.url("/b") + "\"}}, \"p\": {\"q\": 1}}"));
            assertEquals(0, listener.connections.get());
        }
    }

    @Test
    void aFileContextIsRefusedWithoutReadingTheFile() {
        RdfFiles.RemoteContextRefused refused = assertThrows(RdfFiles.RemoteContextRefused.class,
                () -> read("{\"@context\": \"file:///etc/hostname\", \"@id\": \"http://example.org/x\"}"));
        assertTrue(refused.getMessage().contains("file:///etc/hostname"), refused.getMessage());
    }

    @Test
    void ourOwnExportsReadWithNoNetwork() {
        DatasetGraph store = Stores.load("roles.trig", false);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Exporter.create(store).format(ExportFormat.JSONLD).writeTo(out);
        read(out.toString(StandardCharsets.UTF_8));
    }
}
