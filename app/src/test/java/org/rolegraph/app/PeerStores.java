package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Other stores in processes of their own, for the tests that compare RoleGraph's answers across
 * stores: Fuseki (another JVM) and Oxigraph (Node.js, tools/oxigraph/endpoint.js). Each listens on a
 * free loopback port, which it prints as "PORT n" once it serves.
 */
final class PeerStores {
    private PeerStores() {}

    /** A store process and the port it listens on; closing it stops the process and what it started. */
    record Peer(String name, Process process, int port) implements AutoCloseable {
        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** An empty Fuseki dataset at /rolegraph: its default graph the union of the named graphs, or its own. */
    static Peer fuseki(boolean union) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                FusekiTestServer.class.getName()));
        if (!union) {
            command.add("--no-union");
        }
        return start(union ? "Fuseki" : "Fuseki without a union default graph", command);
    }

    /** Oxigraph in memory holding {@code nquads}, queried at /sparql: in union mode (a bag) or not (empty default graph). */
    static Peer oxigraph(Path nquads, boolean union) {
        Path script = ExternalTools.TOOLS.resolve("oxigraph").resolve("endpoint.js");
        if (!Files.isDirectory(ExternalTools.TOOLS.resolve("oxigraph").resolve("node_modules").resolve("oxigraph"))) {
            fail("Oxigraph is not installed in tools/oxigraph. " + ExternalTools.SETUP);
        }
        List<String> command = new ArrayList<>(List.of("node", script.toString(), nquads.toString()));
        if (union) {
            command.add("--union");
        }
        return start(union ? "Oxigraph in union mode" : "Oxigraph without union mode", command);
    }

    /** The Debian package's server binary, which tools/setup installs (virtuoso-opensource-7-bin). */
    static final Path VIRTUOSO = Path.of(System.getenv().getOrDefault("ROLEGRAPH_VIRTUOSO", "/usr/bin/virtuoso-t"));

    /**
     * A new, empty Virtuoso 7 in {@code dir}, with a virtuoso.ini of its own (never the system's
     * service): SQL and HTTP on free loopback ports, SPARQL at /sparql (anonymous reads; its default
     * graph is every graph, as a bag; it gives at most 1,000 rows per answer) and the Graph Store Protocol at /sparql-graph-crud-auth (digest
     * authentication, user dba, password dba as in every new Virtuoso database).
     */
    static Peer virtuoso(Path dir) throws IOException {
        if (!Files.isExecutable(VIRTUOSO)) {
            fail(VIRTUOSO + " is missing. " + ExternalTools.SETUP);
        }
        int sql = freePort();
        int http = freePort();
        String d = dir.toAbsolutePath().toString();
        Files.writeString(dir.resolve("virtuoso.ini"), String.join("\n",
                "[Database]",
                "DatabaseFile = " + d + "/virtuoso.db",
                "ErrorLogFile = " + d + "/virtuoso.log",
                "LockFile = " + d + "/virtuoso.lck",
                "TransactionFile = " + d + "/virtuoso.trx",
                "xa_persistent_file = " + d + "/virtuoso.pxa",
                "Striping = 0",
                "TempStorage = TempDatabase",
                "[TempDatabase]",
                "DatabaseFile = " + d + "/virtuoso-temp.db",
                "TransactionFile = " + d + "/virtuoso-temp.trx",
                "Striping = 0",
                "[Parameters]",
                "ServerPort = 127.0.0.1:" + sql,
                "DisableUnixSocket = 1",
                "MaxClientConnections = 10",
                "NumberOfBuffers = 20000",
                "MaxDirtyBuffers = 15000",
                "DirsAllowed = ., " + d,
                "[HTTPServer]",
                "ServerPort = 127.0.0.1:" + http,
                "ServerRoot = " + d,
                "MaxClientConnections = 8",
                "ServerThreads = 8",
                "[SPARQL]",
                // Far below the default 10,000 and below the largest graph of the parity test's data (4,304
                // statements of O*NET), so that reading a whole graph has to go past the cap, as it must
                // on a real release; every catalog answer of that test stays under it.
                "ResultSetMaxRows = 1000",
                "MaxQueryExecutionTime = 60",
                "MaxQueryCostEstimationTime = 0",
                ""), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(VIRTUOSO.toString(), "-f", "-c", "virtuoso.ini")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile())
                .start();
        Peer peer = new Peer("Virtuoso", process, http);
        // It says nothing on standard output that we could wait for: ask its endpoint until it answers.
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI ask = java.net.URI.create("http://127.0.0.1:" + http + "/sparql?query=ASK%7B%7D");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (client.send(java.net.http.HttpRequest.newBuilder(ask).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return peer;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        peer.close();
        return fail("Virtuoso did not start in " + dir + ":\n" + Files.readString(dir.resolve("console.log"), StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Peer start(String name, List<String> command) {
        Path errors;
        Process process;
        try {
            errors = Files.createTempFile("rolegraph-peer-", ".log");
            errors.toFile().deleteOnExit();
            process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            return fail("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage() + ". " + ExternalTools.SETUP);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        if (line == null || !line.startsWith("PORT ")) {
            process.destroyForcibly();
            String log;
            try {
                log = Files.readString(errors, StandardCharsets.UTF_8);
            } catch (IOException e) {
                log = "";
            }
            return fail(name + " did not start (" + String.join(" ", command) + "): " + line + "\n" + log);
        }
        return new Peer(name, process, Integer.parseInt(line.substring(5).strip()));
    }
}
