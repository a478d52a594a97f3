package org.rolegraph.app;

import java.util.List;

import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.query.Comparison;
import org.rolegraph.query.Comparisons;
import org.rolegraph.query.UnknownRoleException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph compare A B [C ...]}: roles side by side on every aspect, with sources. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two or more roles side by side on every aspect the graph holds: definition, focus, "
                + "scope, timeframe, decision level, success measures, responsibilities, skills, education, "
                + "certifications, work environment, salaries and more, each value marked with its source; then "
                + "the duties and skills they share and those unique to each, and where sources disagree."})
final class CompareCommand implements Runnable {

    @Parameters(arity = "1..*", paramLabel = "ROLE", description = "Role ids, such as product-manager delivery-manager.")
    List<String> roleIds;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (a wrapped table), markdown, csv or json (default: ${DEFAULT-VALUE}).")
    ComparisonWriter.Format format;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "Wrap the text table at this width "
            + "(default: the terminal's COLUMNS, else 100).")
    Integer width;

    @Mixin
    Backend backend = new Backend();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (new java.util.LinkedHashSet<>(roleIds).size() < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "compare needs two roles or more; "
                    + "to see one role: rolegraph describe " + roleIds.get(0));
        }
        try (RDFConnection connection = backend.connect()) {
            Comparison comparison = new Comparisons(connection, backend.iris(), backend.timeout()).compare(roleIds);
            new ComparisonWriter(comparison).write(format, spec.commandLine().getOut(),
                    width != null ? Math.max(40, width) : Text.width());
        }
    }
}
