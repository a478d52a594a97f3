package org.rolegraph.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.rolegraph.ingest.Stores;
import org.rolegraph.ingest.esco.EscoImporter;
import org.rolegraph.ingest.onet.OnetImporter;
import org.rolegraph.ingest.taxonomy.ImportResult;
import org.rolegraph.model.IriScheme;
import org.rolegraph.query.Comparisons;
import org.rolegraph.query.RoleSummary;
import org.rolegraph.query.Roles;

/**
 * The importers on the whole of real releases, each figure against a baseline in the same run:
 * ESCO and O*NET imported into a new TDB2 store on disk against TDB2's parallel bulk loader on the
 * same quads; finding a role by an alternative label against finding it by its id; {@code similar}
 * against Oxigraph (npm, pinned in tools/oxigraph, installed by tools/setup) on the same SPARQL and quads.
 *
 * <pre>
 * java -Xmx512m -cp bench/target/rolegraph-bench.jar org.rolegraph.bench.TaxonomyBench ../shared/data [--out DIR] [--oxigraph tools/oxigraph/run.js]
 * </pre>
 * The folder must hold {@code esco-1.1.1/} (ESCO's CSV release) and {@code onet-29.3/} (O*NET's text release).
 */
public final class TaxonomyBench {
    private TaxonomyBench() {}

    /** Names of ICT project manager: its id, and an alternative label only it has. */
    static final String ID = "esco:8b6388a4-4904-471b-9331-d3b1211f5525";
    static final String ALTERNATIVE_LABEL = "web projects manager";

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path out = Path.of(BenchSuite.option(args, "--out", "bench/results/taxonomies"));
        Path esco = data.resolve("esco-1.1.1");
        Path onet = data.resolve("onet-29.3");
        Path work = Files.createTempDirectory("rolegraph-taxonomy-bench");
        Files.createDirectories(out);
        List<String> lines = new ArrayList<>();
        String machine = BenchSuite.machine();
        System.out.println("taxonomy benchmarks on " + machine);

        // 1. Both releases into a new store on disk, as `rolegraph import` runs them: best of 2.
        double ours = 0;
        long quads = 0;
        double oursSeconds = 0;
        Path store = work.resolve("store");
        for (int run = 0; run < 2; run++) {
            deleteTree(store);
            long t0 = System.nanoTime();
            ImportResult first = Stores.write(store, s -> EscoImporter.create().load(s, esco));
            ImportResult second = Stores.write(store, s -> OnetImporter.create().load(s, onet));
            double seconds = (System.nanoTime() - t0) / 1e9;
            quads = first.quads() + second.quads();
            System.out.printf(Locale.ROOT, "import run %d: %,d quads in %.2f s%n", run + 1, quads, seconds);
            if (quads / seconds > ours) {
                ours = quads / seconds;
                oursSeconds = seconds;
            }
        }

        // The same quads as N-Quads, for the bulk loader.
        Path nquads = work.resolve("taxonomies.nq");
        DatasetGraph imported = Stores.open(store);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(nquads))) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(file, Lang.NQUADS);
            writer.start();
            Txn.executeRead(imported, () -> imported.find().forEachRemaining(writer::quad));
            writer.finish();
        }

        // 1b. TDB2's parallel bulk loader on those quads into a new store on disk: best of 2.
        double bulk = 0;
        double bulkSeconds = 0;
        for (int run = 0; run < 2; run++) {
            Path target = work.resolve("bulk-" + run);
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(target.toString());
            long t0 = System.nanoTime();
            DataLoader loader = LoaderFactory.parallelLoader(dsg, (format, a) -> { });
            loader.startBulk();
            loader.load(nquads.toString());
            loader.finishBulk();
            double seconds = (System.nanoTime() - t0) / 1e9;
            dsg.close();
            TDBInternal.expel(dsg);
            System.out.printf(Locale.ROOT, "bulk loader run %d: %,d quads in %.2f s%n", run + 1, quads, seconds);
            if (quads / seconds > bulk) {
                bulk = quads / seconds;
                bulkSeconds = seconds;
            }
            deleteTree(target);
        }
        lines.add(row("import ESCO v1.1.1 + O*NET 29.3 into a new TDB2 store on disk", ours, "quads/s",
                "TDB2 parallel bulk loader, same quads", bulk, ">= 0.5x", ours / bulk >= 0.5,
                String.format(Locale.ROOT, "%,d quads; %.1f s against %.1f s; one transaction each, warnings counted", quads,
                        oursSeconds, bulkSeconds)));

        // 2. Finding a role by an alternative label, against by its id, on that store: p50 of 300 after 100 warm-up.
        double[] byLabel;
        double[] byId;
        int roleCount;
        List<String> similarQueries;
        try (RDFConnection connection = RDFConnection.connect(DatasetFactory.wrap(imported))) {
            Roles roles = new Roles(connection, IriScheme.DEFAULT);
            RoleSummary a = roles.find(ID);
            RoleSummary b = roles.find(ALTERNATIVE_LABEL);
            if (!a.iri().equals(b.iri())) {
                throw new IllegalStateException("the two names find different roles: " + a + " and " + b);
            }
            roleCount = roles.list().size();
            byId = PeerQueries.latency(100, 300, () -> roles.find(ID));
            byLabel = PeerQueries.latency(100, 300, () -> roles.find(ALTERNATIVE_LABEL));
            // 3. The queries `rolegraph similar` sends (top 10), for Jena and Oxigraph to run on the same quads.
            similarQueries = PeerQueries.record(connection, c -> new Comparisons(c, IriScheme.DEFAULT).similar(ID, 10));
        }
        Path queryFile = PeerQueries.writeGroups(work.resolve("similar.json"), List.of(similarQueries));
        // Each side in a process of its own (PeerQueries says why); 100 warm-up runs, then 100 timed runs.
        Stores.release(imported);
        var jenaReport = PeerQueries.jena(store, queryFile, 100, 100);
        double[] jena = {jenaReport.get("p50").asDouble(), jenaReport.get("p99").asDouble()};
        Path runner = Path.of(BenchSuite.option(args, "--oxigraph", "tools/oxigraph/run.js"));
        var json = PeerQueries.oxigraph(runner, nquads, queryFile, 100, 100);
        double oxigraph = json.get("p50").asDouble();
        lines.add(row("similar ICT project manager (top 10) on ESCO + O*NET, its " + similarQueries.size() + " queries, p50", jena[0], "ms",
                "Oxigraph " + "0.5.11 (npm, in memory), same SPARQL and quads, p50", oxigraph, "<= 1.0x", jena[0] <= oxigraph,
                String.format(Locale.ROOT, "Jena on TDB2 on disk; p99 %.1f ms against %.1f ms; Oxigraph loaded the quads in %.1f s",
                        jena[1], json.get("p99").asDouble(), json.get("loadSeconds").asDouble())));
        lines.add(row("find a role by an alternative label ('" + ALTERNATIVE_LABEL + "'), p50", byLabel[0], "ms",
                "by its id (" + ID + "), p50", byId[0], "<= 2x", byLabel[0] / byId[0] <= 2.0,
                String.format(Locale.ROOT, "p99 %.2f ms against %.2f ms; %,d roles in the store", byLabel[1], byId[1], roleCount)));

        StringBuilder md = new StringBuilder("# Taxonomy import and lookup benchmark\n\n")
                .append("Machine: ").append(machine).append(". Command: `java -Xmx512m -cp bench/target/rolegraph-bench.jar ")
                .append("org.rolegraph.bench.TaxonomyBench ").append(String.join(" ", args)).append("`\n\n")
                .append("| path | ours | baseline (same run) | ratio | goal | met | note |\n| --- | ---: | ---: | ---: | --- | --- | --- |\n");
        lines.forEach(md::append);
        Files.writeString(out.resolve("results.md"), md.toString());
        System.out.print(md);
        deleteTree(work);
    }

    private static String row(String path, double ours, String unit, String baseline, double base, String goal, boolean met,
            String note) {
        double ratio = ours / base;
        return String.format(Locale.ROOT, "| %s | %,.2f %s | %s: %,.2f %s | %.2f | %s | %s | %s |%n", path, ours, unit, baseline, base,
                unit, ratio, goal, met ? "yes" : "**no**", note);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
