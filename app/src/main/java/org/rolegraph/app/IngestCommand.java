package org.rolegraph.app;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.ingest.Ingest;
import org.rolegraph.ingest.IngestException;
import org.rolegraph.ingest.IngestResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph ingest FILES}: loads role-data files, all or nothing, in one transaction. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load role-data files (YAML, JSON, CSV) into a store in one transaction: every file goes in, "
                + "checked against the SHACL shapes, or nothing changes.",
            "Each source's claims replace that source's named graph, so ingesting the same files again "
                + "leaves the store as it was. Without --store the files are loaded into an in-memory copy of "
                + "the embedded data set, which is discarded on exit."})
final class IngestCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Role-data files or directories of them.")
    List<Path> files;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = {"-q", "--quiet"}, description = "No progress display and no summary.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> inputs = FileArguments.expand(files);
        DatasetGraph store = storeOptions.open();
        TerminalProgress progress = null;
        try {
            var listener = TerminalProgress.forTerminal(spec.commandLine().getErr(), quiet, FileArguments.totalSize(inputs));
            if (listener instanceof TerminalProgress terminal) {
                progress = terminal;
            }
            IngestResult result = Ingest.create().iris(storeOptions.iris()).listener(listener).load(store, inputs);
            if (progress != null) {
                progress.finish();
            }
            if (!quiet) {
                spec.commandLine().getOut().println(result.summary()
                        + (storeOptions.store == null ? " (in memory only: give --store DIR to keep it)"
                                : " into " + storeOptions.store));
                spec.commandLine().getOut().flush();
            }
            return 0;
        } catch (IngestException e) {
            if (progress != null) {
                progress.finish();
            }
            return ValidateCommand.report(e.problems(), spec.commandLine().getErr());
        } finally {
            store.close();
        }
    }
}
