package org.rolegraph.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.query.Alignment;
import org.rolegraph.query.Alignments;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rolegraph align}: proposes links from curated roles to imported occupations, as a file to review. */
@Command(name = "align", mixinStandardHelpOptions = true,
        description = {"Propose links between the curated roles and the imported ESCO and O*NET occupations, by their "
                + "names: the same preferred label proposes skos:exactMatch, the same alternative label or shared words "
                + "skos:closeMatch, each with a score and its evidence.",
            "The proposals are written as a role-data file for a person to review (keep, change or delete each), then "
                + "ingest; nothing is written into the graph by this command."})
final class AlignCommand implements Callable<Integer> {

    /** The source the reviewed links will cite: the editors' review of these proposals. */
    static final String SOURCE = "rolegraph-alignment";

    @Mixin
    Backend backend = new Backend();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the proposals here (default: standard output).")
    Path output;

    @Option(names = "--top", paramLabel = "N", defaultValue = "3", description = "Most proposals per role (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "0.4",
            description = "Least score a proposal needs, between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (top < 1 || minScore < 0 || minScore > 1) {
            throw new UserFacingException("--top must be at least 1 and --min-score between 0 and 1", RoleGraphCommand.EXIT_USAGE);
        }
        List<Alignment> proposals;
        try (RDFConnection connection = backend.connect()) {
            proposals = new Alignments(connection, backend.iris(), backend.timeout()).propose(top, minScore);
        }
        String file = roleData(proposals);
        if (output == null) {
            spec.commandLine().getOut().print(file);
            spec.commandLine().getOut().flush();
        } else {
            org.rolegraph.export.Exporter.writeFile(output, out -> {
                out.write(file.getBytes(StandardCharsets.UTF_8));
                return null;
            });
            spec.commandLine().getErr().println(proposals.size() + " proposals for "
                    + proposals.stream().map(a -> a.role().id()).distinct().count() + " roles written to " + output);
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    /**
     * The proposals as a role-data file. Written line by line rather than through Jackson's YAML
     * writer because each proposal carries its evidence as a comment for the reviewer, which Jackson
     * cannot write; every value written is an id or an IRI, which need no quoting beyond the quotes given.
     */
    static String roleData(List<Alignment> proposals) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("# Links from curated roles to imported occupations, proposed by `rolegraph align` from their names.");
        out.println("# Review each: keep it, turn an exactMatch into a closeMatch or back, or delete it; then ingest this");
        out.println("# file (`rolegraph ingest --store DIR FILE`). Each proposal's score and evidence are in the comment above it.");
        out.println("format: rolegraph/1");
        out.println("defaultSource: " + SOURCE);
        out.println("sources:");
        out.println("  - id: " + SOURCE);
        out.println("    title: Links to ESCO and O*NET occupations, reviewed by the editors");
        out.println("    kind: curation");
        Map<String, List<Alignment>> byRole = new LinkedHashMap<>();
        proposals.forEach(a -> byRole.computeIfAbsent(a.role().id(), k -> new java.util.ArrayList<>()).add(a));
        if (byRole.isEmpty()) {
            out.println("roles: []   # no proposals: import ESCO or O*NET first, or lower --min-score");
        } else {
            out.println("roles:");
        }
        byRole.forEach((role, links) -> {
            out.println("  - id: " + role);
            for (boolean exact : new boolean[] {true, false}) {
                List<Alignment> kind = links.stream().filter(a -> a.exact() == exact).toList();
                if (kind.isEmpty()) {
                    continue;
                }
                out.println(exact ? "    exactMatch:" : "    closeMatch:");
                for (Alignment a : kind) {
                    out.println(String.format(Locale.ROOT, "      # %.2f: %s (%s, %s)", a.score(), oneLine(a.evidence()),
                            oneLine(a.occupation().label()), a.occupation().id()));
                    out.println("      - {iri: \"" + a.occupation().iri() + "\"}");
                }
            }
        });
        out.flush();
        return text.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ");
    }
}
