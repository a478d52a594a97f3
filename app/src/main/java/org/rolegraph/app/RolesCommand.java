package org.rolegraph.app;

import java.io.PrintWriter;
import java.util.List;

import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.query.RoleSummary;
import org.rolegraph.query.Roles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph roles}: every role with its id, label and family. */
@Command(name = "roles", mixinStandardHelpOptions = true,
        description = "List every role: id, label and family.")
final class RolesCommand implements Runnable {

    @Mixin
    Backend backend = new Backend();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        try (RDFConnection connection = backend.connect()) {
            List<RoleSummary> roles = new Roles(connection, backend.iris(), backend.timeout()).list();
            PrintWriter out = spec.commandLine().getOut();
            int idWidth = Math.max(2, roles.stream().mapToInt(r -> r.id().length()).max().orElse(0));
            int labelWidth = Math.max(5, roles.stream().mapToInt(r -> r.label().length()).max().orElse(0));
            String format = "%-" + idWidth + "s  %-" + labelWidth + "s  %s%n";
            out.printf(format, "ID", "LABEL", "FAMILY");
            for (RoleSummary role : roles) {
                out.printf(format, role.id(), role.label(), role.familyLabel() == null ? "" : role.familyLabel());
            }
            out.flush();
        } catch (RuntimeException e) {
            throw backend.explain(e);
        }
    }
}
