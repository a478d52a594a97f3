package org.rolegraph.app;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.export.ExportFormat;
import org.rolegraph.export.ExportResult;
import org.rolegraph.export.Exporter;
import org.rolegraph.export.RoleDocuments;
import org.rolegraph.query.RoleSummary;
import org.rolegraph.query.Roles;
import org.rolegraph.query.StoreGraphs;
import org.rolegraph.query.UnknownRoleException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph export}: the graph as Turtle, JSON-LD or another RDF format, or one role's document. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the graph as Turtle, JSON-LD (compact, with RoleGraph's context embedded), N-Triples, "
                + "N-Quads, TriG or RDF/XML. Output is sorted, so the same data gives the same bytes.",
            "TriG and N-Quads keep each source's named graph; the other formats carry the union unless --graph names "
                + "one source. A full export starts with VoID/DCAT metadata.",
            "With -o the file is written to a temporary file first and renamed when complete."})
final class ExportCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--format", defaultValue = "turtle", paramLabel = "FORMAT",
            description = "turtle, jsonld, ntriples, nquads, trig or rdfxml (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--role", paramLabel = "ROLE", description = "Only this role (repeatable), with what it points at: "
            + "its id or any of its names.")
    List<String> roles = new ArrayList<>();

    @Option(names = "--graph", paramLabel = "union|SOURCE-ID", defaultValue = "union",
            description = "union (every source, the default) or one source's named graph by id.")
    String graph;

    @Option(names = "--content", defaultValue = "data", paramLabel = "WHAT",
            description = "data (default), ontology, or all (ontology and data).")
    Exporter.Content content;

    @Option(names = "--frame", description = "JSON-LD: one role as one JSON object that nests its duties, skills, "
            + "salaries and sources (give one --role).")
    boolean frame;

    @Option(names = "--schema-org", description = "One role as schema.org JSON-LD (type Occupation), to embed in a web "
            + "page (give one --role).")
    boolean schemaOrg;

    @Option(names = "--context-url", paramLabel = "URL",
            description = "JSON-LD: refer to the context at this URL instead of embedding it.")
    String contextUrl;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (default: standard output).")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "No progress display and no summary.")
    boolean quiet;

    @Mixin
    Backend backend = new Backend();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ExportFormat exportFormat = ExportFormat.of(format);
        if (exportFormat == null) {
            throw new UserFacingException("--format " + format + ": one of turtle, jsonld, ntriples, nquads, trig, rdfxml", RoleGraphCommand.EXIT_USAGE);
        }
        if ((frame || schemaOrg) && roles.size() != 1) {
            throw new UserFacingException((frame ? "--frame" : "--schema-org") + " needs exactly one --role", RoleGraphCommand.EXIT_USAGE);
        }
        if (frame && schemaOrg) {
            throw new UserFacingException("give --frame or --schema-org, not both", RoleGraphCommand.EXIT_USAGE);
        }
        DatasetGraph store = openStore();
        try {
            roles = roleIds(store);
            if (frame || schemaOrg) {
                writeDocument(store);
                return 0;
            }
            Exporter exporter = Exporter.create(store).iris(backend.iris()).format(exportFormat).roles(roles)
                    .graph("union".equals(graph) ? null : graph).content(content).contextUrl(contextUrl);
            TerminalProgress progress = output != null ? TerminalProgress.forExport(spec.commandLine().getErr(), quiet) : null;
            if (progress != null) {
                exporter.listener(progress);
            }
            ExportResult result;
            try {
                if (output != null) {
                    result = exporter.writeTo(output);
                } else {
                    OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                    result = exporter.writeTo(out);
                    out.flush();
                }
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(e.getMessage(), RoleGraphCommand.EXIT_PROBLEMS);
            } catch (IOException e) {
                throw new UserFacingException("cannot write " + output + ": " + e.getMessage(), RoleGraphCommand.EXIT_FAILURE);
            }
            if (progress != null) {
                progress.finish();
            }
            if (output != null && !quiet) {
                spec.commandLine().getOut().println(result.summary() + " to " + output);
                spec.commandLine().getOut().flush();
            }
            return 0;
        } finally {
            org.rolegraph.ingest.Stores.release(store);
        }
    }

    /**
     * The --role names as role ids: a role is named as everywhere else (id, any label, ESCO or O*NET
     * code), an imported occupation too (its id is esco:UUID or onet:CODE).
     */
    private List<String> roleIds(DatasetGraph store) {
        if (roles.isEmpty()) {
            return roles;
        }
        List<String> ids = new ArrayList<>();
        try (RDFConnection connection = RDFConnection.connect(org.apache.jena.query.DatasetFactory.wrap(store))) {
            Roles lookup = new Roles(connection, backend.iris(), backend.timeout());
            for (String name : roles) {
                RoleSummary role;
                try {
                    role = lookup.find(name);
                } catch (UnknownRoleException e) {
                    throw new UserFacingException("--role: " + e.getMessage(), RoleGraphCommand.EXIT_PROBLEMS);
                }
                String id = backend.iris().roleId(role.iri());
                if (id == null || !backend.iris().role(id).equals(role.iri())) {
                    throw new UserFacingException("--role " + name + ": <" + role.iri() + "> has no role id to export it by; "
                            + "export --graph with its source's id holds it", RoleGraphCommand.EXIT_PROBLEMS);
                }
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * A local store as is; from a remote endpoint, the graphs RoleGraph wrote (one per source and one per
     * release), read into memory through the query endpoint alone (StoreGraphs), so that every SPARQL 1.1
     * store gives the same export.
     */
    private DatasetGraph openStore() {
        if (!backend.isRemote()) {
            return backend.openLocal();
        }
        DatasetGraph copy = org.rolegraph.ingest.Stores.inMemory();
        try (RDFConnection connection = backend.connect()) {
            StoreGraphs.copy(connection, copy, graph -> true);
            return copy;
        }
    }

    private void writeDocument(DatasetGraph store) throws IOException {
        String text;
        try {
            text = frame ? RoleDocuments.framed(store, backend.iris(), roles.get(0))
                    : RoleDocuments.schemaOrg(store, backend.iris(), roles.get(0));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), RoleGraphCommand.EXIT_PROBLEMS);
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            Exporter.writeFile(output, out -> {
                out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return null;
            });
        }
    }
}
