package org.rolegraph.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.query.Comparisons;
import org.rolegraph.query.Similarity;
import org.rolegraph.query.UnknownRoleException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph similar ROLE}: the roles closest to one, ranked by shared duties and skills. */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "Rank the roles closest to ROLE by the weighted Jaccard index of their responsibilities and skills "
                + "(held by both / held by either; an essential skill weighs 2, any other item 1).")
final class SimilarCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "ROLE", description = "A role: its id, code or any of its names.")
    String roleId;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "How many roles (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    Backend backend = new Backend();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (top < 1) {
            throw new UserFacingException("--top must be at least 1", RoleGraphCommand.EXIT_USAGE);
        }
        try (RDFConnection connection = backend.connect()) {
            List<Similarity> similar = new Comparisons(connection, backend.iris(), backend.timeout()).similar(roleId, top);
            PrintWriter out = spec.commandLine().getOut();
            if (similar.isEmpty()) {
                out.println("no role shares a responsibility or skill with " + roleId);
            } else {
                out.printf(Locale.ROOT, "%-4s %-6s %-8s %s%n", "RANK", "SCORE", "SHARED", "ROLE");
                int rank = 1;
                for (Similarity s : similar) {
                    out.printf(Locale.ROOT, "%-4d %-6.3f %-8s %s (%s)%n", rank++, s.score(), s.shared() + "/" + s.union(),
                            s.role().label(), s.role().id());
                }
            }
            out.flush();
        }
    }
}
