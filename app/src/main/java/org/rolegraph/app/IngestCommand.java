package org.rolegraph.app;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.ingest.Ingest;
import org.rolegraph.ingest.IngestException;
import org.rolegraph.ingest.IngestResult;
import org.rolegraph.ingest.StoreException;
import org.rolegraph.ingest.Stores;
import org.rolegraph.query.QueryBindings;
import org.rolegraph.query.QueryCatalog;
import org.rolegraph.query.StoreGraphs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph ingest FILES}: loads role-data files, all or nothing, into a store or a remote endpoint. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load role-data files (YAML, JSON, CSV) in one transaction: every file goes in, "
                + "checked against the SHACL shapes, or nothing changes.",
            "Each source's claims replace that source's named graph, so ingesting the same files again "
                + "leaves the store as it was. Without --store or --endpoint the files are loaded into an "
                + "in-memory copy of the embedded data set, which is discarded on exit.",
            "With --endpoint, the files are checked here (against the role data the remote store holds), then "
                + "the sources' graphs are replaced on the remote store all together or not at all: staged with "
                + "Graph Store Protocol requests, then moved into place by one SPARQL Update."})
final class IngestCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Role-data files or directories of them.")
    List<Path> files;

    @Mixin
    WritingBackend backend = new WritingBackend();

    @Option(names = {"-q", "--quiet"}, description = "No progress display and no summary.")
    boolean quiet;

    @Option(names = "--replace", description = "Let the files drop what a source's graph says about entries they no "
            + "longer mention (without it, such an ingest is refused: the claims may come from files not given here).")
    boolean replace;

    @Spec
    CommandSpec spec;


    @Override
    public Integer call() {
        List<Path> inputs = FileArguments.expand(files);
        var listener = TerminalProgress.forTerminal(spec.commandLine().getErr(), quiet, FileArguments.totalSize(inputs));
        try {
            Ingest ingest = Ingest.create().iris(backend.iris()).listener(listener).dropUnmentioned(replace);
            IngestResult result = backend.isRemote() ? loadRemote(backend, ingest, inputs, true) : loadLocal(ingest, inputs);
            if (listener instanceof TerminalProgress terminal) {
                terminal.finish();
            }
            if (!quiet) {
                String where = backend.isRemote() ? " into " + backend.graphStoreUrl()
                        : backend.store == null ? " (in memory only: give --store DIR to keep it)"
                        : " into " + backend.store;
                spec.commandLine().getOut().println(result.summary() + where);
                spec.commandLine().getOut().flush();
            }
            return 0;
        } catch (IngestException e) {
            if (listener instanceof TerminalProgress terminal) {
                terminal.finish();
            }
            return ValidateCommand.report(e.problems(), spec.commandLine().getErr());
        }
    }

    private IngestResult loadLocal(Ingest ingest, List<Path> inputs) throws IngestException {
        if (backend.store == null || backend.isRemote()) {
            DatasetGraph store = backend.openLocal();
            try {
                return ingest.load(store, inputs);
            } finally {
                Stores.release(store);
            }
        }
        try {
            // A new store appears only once this first ingest has committed (Stores.write).
            return Stores.write(backend.store, store -> ingest.load(store, inputs));
        } catch (StoreException e) {
            throw Backend.storeProblem(e);
        }
    }

    /**
     * Stages the files in memory (checked, with references looked up on the remote store), then replaces
     * the sources' graphs on the remote store all together or not at all (Backend.replaceGraphs). The
     * role data the store already holds (every source's graph but the taxonomy releases') is copied into
     * the staging dataset first, so the shapes check the files against it as a local ingest does: a new
     * role that reports to a role of the store conforms there as here. Only the graphs of the files'
     * sources are written back; with {@code write} false, nothing is (validate --endpoint).
     */
    static IngestResult loadRemote(Backend backend, Ingest ingest, List<Path> inputs, boolean write) throws IngestException {
        try (RDFConnection remote = write ? backend.connectForWriting() : backend.connect()) {
            DatasetGraph staging = Stores.inMemory();
            StoreGraphs.copy(remote, staging, graph -> !org.rolegraph.model.IriScheme.isReleaseGraph(graph));
            ingest.existingEntries((iri, classIri) -> {
                Query entry = QueryBindings.substitute(QueryCatalog.get("entry"),
                        java.util.Map.of("entry", NodeFactory.createURI(iri), "class", NodeFactory.createURI(classIri)));
                try (var execution = remote.query(entry)) {
                    return execution.execSelect().hasNext();
                }
            });
            IngestResult result = write ? ingest.load(staging, inputs) : ingest.validate(staging, inputs);
            if (!write) {
                return result;
            }
            staging.begin(ReadWrite.READ);
            try {
                java.util.Map<String, org.apache.jena.rdf.model.Model> graphs = new java.util.LinkedHashMap<>();
                for (String graph : result.graphs()) {
                    graphs.put(graph, ModelFactory.createModelForGraph(staging.getGraph(NodeFactory.createURI(graph))));
                }
                backend.replaceGraphs(remote, graphs);
            } finally {
                staging.end();
            }
            return result;
        }
    }
}
