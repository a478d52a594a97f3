package org.rolegraph.app;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.query.Comparisons;
import org.rolegraph.query.ReportingChain;
import org.rolegraph.query.ReportingLine;
import org.rolegraph.query.RoleSummary;

import org.rolegraph.query.UnknownRoleException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph chain ROLE}: the reporting line above and below a role. */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "Show the reporting line of ROLE: every role above it and below it (nearest first), and who "
                + "manages whom, with sources.")
final class ChainCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "ROLE", description = "A role id.")
    String roleId;

    @Mixin
    Backend backend = new Backend();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        try (RDFConnection connection = backend.connect()) {
            ReportingChain chain = new Comparisons(connection, backend.iris(), backend.timeout()).chain(roleId);
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Integer> footnotes = new LinkedHashMap<>();
            out.println(chain.role().label() + " (" + chain.role().id() + ")");
            out.println("Above: " + names(chain.above()));
            out.println("Below: " + names(chain.below()));
            if (!chain.lines().isEmpty()) {
                out.println();
                out.println("Who manages whom");
                for (ReportingLine line : chain.lines()) {
                    String marks = line.sources().stream()
                            .map(s -> "[" + footnotes.computeIfAbsent(s.iri(), k -> footnotes.size() + 1) + "]")
                            .collect(Collectors.joining());
                    out.println("  " + line.manager().label() + " manages " + line.report().label() + " " + marks);
                }
                out.println();
                out.println("Sources");
                Map<String, String> titles = new LinkedHashMap<>();
                chain.lines().forEach(l -> l.sources().forEach(s -> titles.put(s.iri(), s.title())));
                footnotes.forEach((iri, n) -> out.println("  [" + n + "] " + titles.get(iri) + " <" + iri + ">"));
            }
            out.flush();
        }
    }

    private static String names(java.util.List<RoleSummary> roles) {
        return roles.isEmpty() ? "none" : roles.stream().map(r -> r.label() + " (" + r.id() + ")")
                .collect(Collectors.joining(", "));
    }

}
