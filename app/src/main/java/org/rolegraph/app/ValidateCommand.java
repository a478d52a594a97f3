package org.rolegraph.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.ingest.Ingest;
import org.rolegraph.ingest.IngestException;
import org.rolegraph.ingest.IngestResult;
import org.rolegraph.ingest.Problem;
import org.rolegraph.ingest.Stores;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph validate FILES}: checks role-data files and reports every problem, changing nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check role-data files (YAML, JSON, CSV) as an ingest would, including the SHACL shapes, "
                + "and report every problem as file:line:column: message. Nothing is written.",
            "References must resolve within the files given, or in --store when one is given."})
final class ValidateCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Role-data files or directories of them.")
    List<Path> files;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Resolve references against this TDB2 store too (it is not changed).")
    Path store;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = org.rolegraph.model.IriScheme.DEFAULT_BASE,
            description = "Base IRI (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Backend options = new Backend();
        options.base = base;
        List<Path> inputs = FileArguments.expand(files);
        DatasetGraph dataset;
        try {
            dataset = store == null ? Stores.inMemory() : Stores.open(store);
        } catch (org.rolegraph.ingest.StoreException e) {
            throw Backend.storeProblem(e);
        }
        try {
            IngestResult result = Ingest.create().iris(options.iris())
                    .listener(TerminalProgress.forTerminal(spec.commandLine().getErr(), quiet, FileArguments.totalSize(inputs)))
                    .validate(dataset, inputs);
            if (!quiet) {
                spec.commandLine().getOut().println("ok: " + result.summary());
                spec.commandLine().getOut().flush();
            }
            return 0;
        } catch (IngestException e) {
            return report(e.problems(), spec.commandLine().getErr());
        } finally {
            org.rolegraph.ingest.Stores.release(dataset);
        }
    }

    /** Prints every problem, one per line, then a count; returns the exit code for problems. */
    static int report(List<Problem> problems, PrintWriter err) {
        for (Problem problem : problems) {
            err.println(problem);
        }
        long files = problems.stream().map(Problem::file).distinct().count();
        err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + files
                + (files == 1 ? " file" : " files") + "; nothing was written");
        err.flush();
        return RoleGraphCommand.EXIT_PROBLEMS;
    }
}
