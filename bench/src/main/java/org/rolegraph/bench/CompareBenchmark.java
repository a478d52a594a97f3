package org.rolegraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rolegraph.ingest.Ingest;
import org.rolegraph.ingest.Stores;
import org.rolegraph.model.IriScheme;
import org.rolegraph.query.Comparison;
import org.rolegraph.query.Comparisons;

/**
 * JMH: the full comparison of two random roles on a TDB2 store of generated roles, with the latency
 * distribution (p50, p99) JMH's sample mode reports. The suite measures the same path with its own
 * clock; this benchmark is for profiling it further:
 * {@code java -cp bench/target/rolegraph-bench.jar org.openjdk.jmh.Main CompareBenchmark -p roles=1000,100000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompareBenchmark {

    @Param({"1000", "10000"})
    public int roles;

    private Path directory;
    private DatasetGraph store;
    private RDFConnection connection;
    private Comparisons comparisons;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup(Level.Trial)
    public void load() throws Exception {
        directory = Files.createTempDirectory("rolegraph-jmh");
        Path file = directory.resolve("roles.json");
        new RoleDataGenerator(roles, 42).write(file);
        store = Stores.openOrCreate(directory.resolve("tdb"));
        Ingest.create().checkShapes(false).load(store, List.of(file));
        connection = RDFConnection.connect(DatasetFactory.wrap(store));
        comparisons = new Comparisons(connection, IriScheme.DEFAULT);
    }

    @Benchmark
    public Comparison compareTwoRoles() {
        return comparisons.compare(List.of(RoleDataGenerator.roleId(random.nextInt(roles)),
                RoleDataGenerator.roleId(random.nextInt(roles))));
    }

    @TearDown(Level.Trial)
    public void close() {
        connection.close();
        store.close();
    }
}
