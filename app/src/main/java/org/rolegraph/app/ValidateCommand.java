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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph validate FILES}: checks role-data files and reports every problem, changing nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check role-data files (YAML, JSON, CSV) as an ingest would, including the SHACL shapes, "
                + "and report every problem as file:line:column: message. Nothing is written.",
            "The files are checked as an ingest on top of the embedded data set would take them, so they may refer "
                + "to its roles, skills and sources; with --store or --endpoint, on top of what that store holds."})
final class ValidateCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Role-data files or directories of them.")
    List<Path> files;

    @Mixin
    Backend backend = new Backend();

    @Option(names = "--replace", description = "Check as 'ingest --replace' would: the files may drop what a "
            + "source's graph says about entries they no longer mention.")
    boolean replace;

    @Option(names = {"-q", "--quiet"}, description = "Print only problems.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> inputs = FileArguments.expand(files);
        Ingest ingest = Ingest.create().iris(backend.iris()).dropUnmentioned(replace)
                .listener(TerminalProgress.forTerminal(spec.commandLine().getErr(), quiet, FileArguments.totalSize(inputs)));
        try {
            IngestResult result;
            if (backend.isRemote()) {
                result = IngestCommand.loadRemote(backend, ingest, inputs, false);
            } else {
                DatasetGraph dataset = backend.openLocal();
                try {
                    result = ingest.validate(dataset, inputs);
                } finally {
                    Stores.release(dataset);
                }
            }
            if (!quiet) {
                spec.commandLine().getOut().println("ok: " + result.summary());
                spec.commandLine().getOut().flush();
            }
            return 0;
        } catch (IngestException e) {
            return report(e.problems(), spec.commandLine().getErr());
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
