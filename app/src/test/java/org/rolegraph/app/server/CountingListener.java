package org.rolegraph.app.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port that accepts connections and counts them: a test hands its URL to the server (as a
 * SERVICE endpoint, a JSON-LD context) and then requires that nothing connected.
 */
final class CountingListener implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    CountingListener() throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            try {
                while (true) {
                    socket.accept().close();
                    connections.incrementAndGet();
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
