package org.rolegraph.bench;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.jena.query.QueryExecutionBuilder;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.rolegraph.ingest.Stores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The same SPARQL on Jena and on Oxigraph, each in a process of its own, as a user runs a query:
 * Jena opens the TDB2 store in a new JVM with the default heap (not the measuring JVM, whose heap still
 * holds a load's garbage), Oxigraph (npm, tools/oxigraph/run.js) loads the quads in Node. A query file is
 * one {@code .rq} query, or a {@code .json} array of groups, each a list of queries run one after the
 * other as one timed call (a comparison runs several queries); the timed calls take the groups in turn.
 * Each side reports p50 and p99 in milliseconds and the rows its first group gave.
 */
final class PeerQueries {
    private PeerQueries() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The child process's mode: {@code --query-latency STORE QUERIES WARMUP RUNS}. */
    static final String QUERY_LATENCY = "--query-latency";

    /** Records the SPARQL text of every query {@code work} sends through the connection it is given. */
    static List<String> record(RDFConnection connection, java.util.function.Consumer<RDFConnection> work) {
        List<String> queries = new ArrayList<>();
        work.accept(new RDFConnectionWrapper(connection) {
            @Override
            public QueryExecutionBuilder newQuery() {
                return recording(super.newQuery(), queries);
            }
        });
        return queries;
    }

    /** A query builder that notes each query it is given and otherwise is {@code builder}. */
    private static QueryExecutionBuilder recording(QueryExecutionBuilder builder, List<String> queries) {
        return (QueryExecutionBuilder) Proxy.newProxyInstance(QueryExecutionBuilder.class.getClassLoader(),
                new Class<?>[] {QueryExecutionBuilder.class}, (proxy, method, args) -> {
                    if (method.getName().equals("query") && args != null && args.length >= 1) {
                        queries.add(args[0].toString());
                    }
                    try {
                        Object result = method.invoke(builder, args);
                        // Builder methods return the builder: keep handing out the recording one.
                        return result == builder ? proxy : result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Writes groups of queries as the JSON file both runners read. */
    static Path writeGroups(Path file, List<List<String>> groups) throws IOException {
        JSON.writeValue(file.toFile(), groups);
        return file;
    }

    /** Jena on the TDB2 store {@code store} (closed in this JVM), in a JVM of its own. */
    static JsonNode jena(Path store, Path queries, int warmup, int runs) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return report(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PeerQueries.class.getName(),
                QUERY_LATENCY, store.toString(), queries.toString(), Integer.toString(warmup), Integer.toString(runs)),
                "the Jena latency run");
    }

    /** Oxigraph 0.5.11 (npm, in memory, its default graph the union) holding {@code nquads}. */
    static JsonNode oxigraph(Path runner, Path nquads, Path queries, int warmup, int runs) throws IOException, InterruptedException {
        return report(new ProcessBuilder("node", runner.toString(), nquads.toString(), queries.toString(),
                Integer.toString(warmup), Integer.toString(runs)), "the Oxigraph runner (run tools/setup first)");
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5 || !args[0].equals(QUERY_LATENCY)) {
            System.err.println("usage: " + QUERY_LATENCY + " STORE QUERIES WARMUP RUNS");
            System.exit(2);
        }
        List<List<String>> groups = read(Path.of(args[2]));
        DatasetGraph dataset = Stores.open(Path.of(args[1]));
        long[] rows = new long[1];
        int[] call = new int[1];
        double[] ms = latency(Integer.parseInt(args[3]), Integer.parseInt(args[4]), () -> Txn.executeRead(dataset, () -> {
            int group = call[0]++ % groups.size();
            long count = 0;
            for (String query : groups.get(group)) {
                var answer = QueryExec.dataset(dataset).query(query).select();
                while (answer.hasNext()) {
                    answer.next();
                    count++;
                }
            }
            if (group == 0) {
                rows[0] = count;
            }
        }));
        Stores.release(dataset);
        System.out.printf(Locale.ROOT, "{\"p50\":%.3f,\"p99\":%.3f,\"rows\":%d}%n", ms[0], ms[1], rows[0]);
    }

    private static List<List<String>> read(Path file) throws IOException {
        if (file.toString().endsWith(".rq")) {
            return List.of(List.of(Files.readString(file, StandardCharsets.UTF_8)));
        }
        return JSON.readValue(file.toFile(), new com.fasterxml.jackson.core.type.TypeReference<List<List<String>>>() {});
    }

    /** How long a measuring process may take before it is stopped and its row says so. */
    private static final long PROCESS_LIMIT_SECONDS = 600;

    /** Runs a measuring process and reads the JSON line it ends with. */
    private static JsonNode report(ProcessBuilder process, String what) throws IOException, InterruptedException {
        Path output = Files.createTempFile("rolegraph-peer", ".out");
        try {
            Process child = process.redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!child.waitFor(PROCESS_LIMIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
                throw new IllegalStateException(what + " did not finish its calls in " + PROCESS_LIMIT_SECONDS + " s");
            }
            String out = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (child.exitValue() != 0 || out.lastIndexOf('{') < 0) {
                throw new IllegalStateException(what + " failed: " + out);
            }
            return JSON.readTree(out.substring(out.lastIndexOf('{')));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    interface Call {
        void run();
    }

    /** p50 and p99 in milliseconds of {@code call}, {@code runs} timed calls after {@code warmup} untimed. */
    static double[] latency(int warmup, int runs, Call call) {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], ms[(int) (ms.length * 0.99)]};
    }
}
