package org.rolegraph.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.query.RoleSummary;
import org.rolegraph.query.Roles;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph roles}: every role with its id, label and family. */
@Command(name = "roles", mixinStandardHelpOptions = true,
        description = "List every role: id, label and family.")
final class RolesCommand implements Runnable {

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (aligned columns), markdown, csv or json (default: ${DEFAULT-VALUE}).")
    ComparisonWriter.Format format;

    @Mixin
    Backend backend = new Backend();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        List<RoleSummary> roles;
        try (RDFConnection connection = backend.connect()) {
            roles = new Roles(connection, backend.iris(), backend.timeout()).list();
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TEXT -> text(roles, out);
            case MARKDOWN -> markdown(roles, out);
            case CSV -> csv(roles, out);
            case JSON -> json(roles, out);
        }
        out.flush();
    }

    private static String family(RoleSummary role) {
        return role.familyLabel() == null ? "" : role.familyLabel();
    }

    private static void text(List<RoleSummary> roles, PrintWriter out) {
        int idWidth = Math.max(2, roles.stream().mapToInt(r -> r.id().length()).max().orElse(0));
        int labelWidth = Math.max(5, roles.stream().mapToInt(r -> r.label().length()).max().orElse(0));
        String format = "%-" + idWidth + "s  %-" + labelWidth + "s  %s%n";
        out.printf(format, "ID", "LABEL", "FAMILY");
        for (RoleSummary role : roles) {
            out.println(String.format(format, role.id(), role.label(), family(role)).stripTrailing());
        }
    }

    private static void markdown(List<RoleSummary> roles, PrintWriter out) {
        out.println("| ID | Label | Family |");
        out.println("| --- | --- | --- |");
        for (RoleSummary role : roles) {
            out.println("| " + Text.markdownCell(role.id()) + " | " + Text.markdownCell(role.label()) + " | "
                    + Text.markdownCell(family(role)) + " |");
        }
    }

    private static void csv(List<RoleSummary> roles, PrintWriter out) {
        CsvSchema schema = CsvSchema.builder().addColumn("id").addColumn("label").addColumn("family").addColumn("iri")
                .build().withHeader();
        try (CsvGenerator csv = new CsvFactory().createGenerator(out)) {
            csv.setSchema(schema);
            csv.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            for (RoleSummary role : roles) {
                csv.writeStartArray();
                csv.writeString(role.id());
                csv.writeString(role.label());
                csv.writeString(family(role));
                csv.writeString(role.iri());
                csv.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An array of {id, iri, label, family, familyIri}; a role without a family has neither family key. */
    private static void json(List<RoleSummary> roles, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        var array = mapper.createArrayNode();
        for (RoleSummary role : roles) {
            var node = array.addObject().put("id", role.id()).put("iri", role.iri()).put("label", role.label());
            if (role.familyIri() != null) {
                node.put("family", role.familyLabel()).put("familyIri", role.familyIri());
            }
        }
        try {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
