package org.rolegraph.app;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.TreeMap;

import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.model.Ids;
import org.rolegraph.model.IriScheme;
import org.rolegraph.query.RoleSummary;
import org.rolegraph.query.Roles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph new role ID}: writes a commented role-data file to start from, which validates as it is. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Write a commented role-data file to start from.",
        subcommands = NewCommand.RoleTemplate.class)
final class NewCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new UserFacingException("say what to write: 'rolegraph new role ID'", RoleGraphCommand.EXIT_USAGE);
    }

    @Command(name = "role", mixinStandardHelpOptions = true,
            description = {"Write ID.yaml: a new role with its own source, every other field of the format shown as "
                    + "a comment to fill in. It validates as written; 'rolegraph validate' checks it after each edit."})
    static final class RoleTemplate implements java.util.concurrent.Callable<Integer> {

        @Parameters(index = "0", paramLabel = "ID", description = "The new role's id, in lower-case kebab-case (growth-product-manager).")
        String id;

        @Option(names = "--label", paramLabel = "TEXT", description = "The role's name (default: from the id).")
        String label;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: ID.yaml here). "
                + "An existing file is never overwritten.")
        Path output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!IriScheme.isValidId(id)) {
                throw new UserFacingException("'" + id + "' is not a valid id: use lower-case kebab-case, such as '"
                        + Ids.asId(id, "growth-product-manager") + "'", RoleGraphCommand.EXIT_USAGE);
            }
            List<RoleSummary> curated;
            try (RDFConnection connection = RDFConnection.connect(org.apache.jena.query.DatasetFactory.wrap(
                    EmbeddedData.load(IriScheme.DEFAULT)))) {
                curated = new Roles(connection, IriScheme.DEFAULT).list();
            }
            curated.stream().filter(role -> role.id().equals(id)).findFirst().ifPresent(role -> {
                throw new UserFacingException("'" + id + "' is already a role of the curated data (" + role.label()
                        + "): choose another id; to add claims to it, write an entry with its id and no label "
                        + "(docs/role-data-format.md)", RoleGraphCommand.EXIT_USAGE);
            });
            Path file = output != null ? output : Path.of(id + ".yaml");
            String name = label != null ? label : Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('-', ' ');
            try {
                Files.writeString(file, template(id, name, curated), StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                throw new UserFacingException(file + " already exists: give -o FILE to write elsewhere",
                        RoleGraphCommand.EXIT_PROBLEMS);
            } catch (IOException e) {
                throw new UserFacingException(file + ": cannot write it (" + e.getMessage() + ")", RoleGraphCommand.EXIT_FAILURE);
            }
            spec.commandLine().getOut().println("wrote " + file + ": check it with 'rolegraph validate " + file + "'");
            spec.commandLine().getOut().flush();
            return 0;
        }

        /** The file: id, label and source filled in, the rest commented out, with the curated families to choose from. */
        static String template(String id, String label, List<RoleSummary> curated) {
            TreeMap<String, String> families = new TreeMap<>();
            curated.stream().filter(role -> role.familyIri() != null)
                    .forEach(role -> families.put(role.familyIri().substring(role.familyIri().lastIndexOf('/') + 1),
                            role.familyLabel()));
            String familyList = String.join(", ", families.keySet());
            return """
                    # A role of your own, in RoleGraph's role-data format (docs/role-data-format.md).
                    # Check it after each edit:  rolegraph validate %1$s.yaml
                    # Load it beside the curated data and compare:
                    #   rolegraph ingest --store my-store data/ %1$s.yaml
                    #   rolegraph compare --store my-store %1$s product-manager
                    format: rolegraph/1
                    defaultSource: %1$s-notes   # every claim below cites this source unless it names another
                    sources:
                      - id: %1$s-notes   # an id of its own: ingesting replaces a source's graph
                        title: %2$s
                        kind: curation   # article | dataset | curation
                        # url: https://example.org/the-article
                        # issued: "2025-01-31"
                    roles:
                      - id: %1$s
                        label: %3$s
                        # altLabels: [Another name]
                        # family: product-management   # one of: %4$s
                        # definition: {text: "What the role is for, in one sentence."}
                        # focus:
                        #   - {text: What the role cares about most}
                        # timeframe:
                        #   - {value: continuous}   # continuous | time-bound
                        # decisionLevels:
                        #   - {value: strategic}    # strategic | tactical | operational
                        # responsibilities:         # ids declared under 'responsibilities' here or in the curated data
                        #   - {ref: develop-product-roadmap}
                        # reportsTo:
                        #   - {ref: head-of-product}   # a role id: 'rolegraph roles' lists them
                        # confusedWith:
                        #   - {ref: product-manager}
                        # salaries:
                        #   - {median: 120000, currency: USD, period: year, year: 2024, region: US}
                    """.formatted(id, yamlString("Notes on the " + label.toLowerCase(java.util.Locale.ROOT) + " role"),
                    yamlString(label), familyList);
        }

        /** A YAML double-quoted scalar (JSON's escaping is valid YAML), so any label stays one value. */
        private static String yamlString(String text) {
            return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
        }
    }
}
