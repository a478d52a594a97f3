package org.rolegraph.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.ingest.IngestException;
import org.rolegraph.ingest.IngestListener;
import org.rolegraph.ingest.StoreException;
import org.rolegraph.ingest.Stores;
import org.rolegraph.ingest.esco.EscoImporter;
import org.rolegraph.ingest.onet.OnetImporter;
import org.rolegraph.ingest.taxonomy.ImportResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rolegraph import esco|onet DIR}: a taxonomy release into its own named graph, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a taxonomy release (ESCO, O*NET) into its own named graph (graph/esco-1.1.1, ...), "
                + "in one transaction: the whole release goes in, or nothing changes and every problem is "
                + "printed as file:line:column.",
            "Importing a release again replaces it; two releases sit side by side. Flaws of a real release "
                + "(a relation to an occupation it lacks, an empty skill type) are counted as warnings and skipped."},
        subcommands = {ImportCommand.Esco.class, ImportCommand.Onet.class})
final class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What one import does once the store is chosen. */
    @FunctionalInterface
    interface Importer {
        ImportResult load(DatasetGraph store, IngestListener listener) throws IngestException;
    }

    @Command(name = "esco", mixinStandardHelpOptions = true,
            description = {"Import an ESCO CSV release folder (v1.1.x or v1.2.x, as the European Commission ships it): "
                    + "occupations (every occupations_XX.csv as labels in language XX), skills, essential and optional "
                    + "skills, broader occupations and skill groups, ISCO groups.",
                "Occupations and skills keep their ESCO IRIs. Download: https://esco.ec.europa.eu/en/use-esco/download "
                    + "(classification, CSV). Attribution: \"This service uses the ESCO classification of the European Commission.\""})
    static final class Esco extends ReleaseCommand {
        @Override
        Importer importer() {
            EscoImporter importer = EscoImporter.create().iris(backend.iris()).version(release);
            return (store, listener) -> importer.listener(listener).load(store, folder);
        }
    }

    @Command(name = "onet", mixinStandardHelpOptions = true,
            description = {"Import an O*NET text release folder (the database's tab-separated text files, 28.x to 29.x "
                    + "layout): occupations, alternate titles, task statements, related occupations, job zones, education, "
                    + "skills with their importance and level, technology skills.",
                "O*NET has no IRIs of its own: occupations are named {base}onet/occupation/{code}, each linking to its O*NET "
                    + "OnLine page. Download: https://www.onetcenter.org/database.html (text files). Licence: CC BY 4.0; "
                    + "the attribution it asks for is stored with the release (rg:attribution)."})
    static final class Onet extends ReleaseCommand {
        @Override
        Importer importer() {
            OnetImporter importer = OnetImporter.create().iris(backend.iris()).version(release);
            return (store, listener) -> importer.listener(listener).load(store, folder);
        }
    }

    /** What both subcommands take: the release's folder, its version, quiet, and where the data lives. */
    abstract static class ReleaseCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "The folder of the release's files, as downloaded and unpacked.")
        Path folder;

        @Option(names = "--release", paramLabel = "VERSION",
                description = "The release's version, such as 1.1.1 or 29.3 (default: from its Read Me.txt or the folder's name).")
        String release;

        @Option(names = {"-q", "--quiet"}, description = "No progress display and no summary.")
        boolean quiet;

        @Mixin
        WritingBackend backend = new WritingBackend();

        @Spec
        CommandSpec spec;

        abstract Importer importer();

        @Override
        public Integer call() {
            return importRelease(spec, backend, quiet, folder, importer());
        }
    }

    /**
     * Runs an import into the store the options name: a TDB2 store (created beside and renamed into
     * place on a first import), a remote endpoint (staged here, then the release's graph replaced all
     * at once or not at all, see Backend.replaceGraphs) or, with neither, an in-memory copy of the embedded data set that
     * is discarded: a check of the release.
     */
    static int importRelease(CommandSpec spec, Backend backend, boolean quiet, Path folder, Importer importer) {
        PrintWriter err = spec.commandLine().getErr();
        IngestListener listener = TerminalProgress.forImport(err, quiet, folderSize(folder));
        try {
            ImportResult result;
            String where;
            if (backend.isRemote()) {
                result = importRemote(backend, importer, listener);
                where = " into " + backend.graphStoreUrl();
            } else if (backend.store != null) {
                try {
                    result = Stores.write(backend.store, store -> importer.load(store, listener));
                } catch (StoreException e) {
                    throw Backend.storeProblem(e);
                }
                where = " into " + backend.store;
            } else {
                DatasetGraph store = backend.openLocal();
                try {
                    result = importer.load(store, listener);
                } finally {
                    Stores.release(store);
                }
                where = " (in memory only: give --store DIR to keep it)";
            }
            finish(listener);
            if (!quiet) {
                for (ImportResult.Warning warning : result.warnings()) {
                    err.println("warning: " + warning);
                }
                err.flush();
                spec.commandLine().getOut().println(result.summary() + where);
                spec.commandLine().getOut().flush();
            }
            return 0;
        } catch (IngestException e) {
            finish(listener);
            return ValidateCommand.report(e.problems(), err);
        }
    }

    private static ImportResult importRemote(Backend backend, Importer importer, IngestListener listener) throws IngestException {
        try (RDFConnection remote = backend.connectForWriting()) {
            DatasetGraph staging = Stores.inMemory();
            ImportResult result = importer.load(staging, listener);
            staging.begin(ReadWrite.READ);
            try {
                backend.replaceGraphs(remote, java.util.Map.of(result.graph(),
                        ModelFactory.createModelForGraph(staging.getGraph(NodeFactory.createURI(result.graph())))));
            } finally {
                staging.end();
            }
            return result;
        }
    }

    private static void finish(IngestListener listener) {
        if (listener instanceof TerminalProgress terminal) {
            terminal.finish();
        }
    }

    private static long folderSize(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
