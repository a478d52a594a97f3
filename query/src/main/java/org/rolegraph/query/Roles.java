package org.rolegraph.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.Ids;

/**
 * Reads roles from any store reached through an {@link RDFConnection} (in memory, TDB2 or a remote
 * SPARQL endpoint): the list of roles and everything said about one of them, with sources.
 *
 * <pre>{@code
 * Roles roles = new Roles(connection, IriScheme.DEFAULT);
 * RoleProfile dm = roles.describe("delivery-manager");
 * }</pre>
 */
public final class Roles {

    private final RDFConnection connection;
    private final IriScheme iris;

    public Roles(RDFConnection connection, IriScheme iris) {
        this.connection = Objects.requireNonNull(connection);
        this.iris = Objects.requireNonNull(iris);
    }

    /** Every role, ordered by family and label. */
    public List<RoleSummary> list() {
        List<RoleSummary> roles = new ArrayList<>();
        Map<String, RoleSummary> seen = new LinkedHashMap<>();
        select(QueryCatalog.get("roles"), null, row -> {
            String iri = row.getResource("role").getURI();
            String id = iris.roleId(iri);
            if (id != null && !seen.containsKey(iri)) {
                RoleSummary summary = new RoleSummary(id, iri, text(row, "label"), iri(row, "family"),
                        text(row, "familyLabel"));
                seen.put(iri, summary);
                roles.add(summary);
            }
        });
        return roles;
    }

    /** Everything said about role {@code id}; throws {@link UnknownRoleException} naming the closest ids. */
    public RoleProfile describe(String id) {
        RoleSummary summary = list().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> unknown(id));
        RDFNode role = ResourceFactory.createResource(summary.iri());
        Map<String, SourceRef> sources = new LinkedHashMap<>();

        Map<String, StatementBuilder> statements = new LinkedHashMap<>();
        select(QueryCatalog.get("role-statements"), role, row -> {
            Aspect aspect = Aspect.of(row.getResource("property").getURI());
            if (aspect == null) {
                return;
            }
            RDFNode value = row.get("value");
            String valueText = value.isLiteral() ? value.asLiteral().getLexicalForm() : value.asResource().getURI();
            String label = text(row, "valueLabel");
            SourceRef source = source(row, sources);
            statements.computeIfAbsent(aspect.name() + "\u0000" + valueText,
                    k -> new StatementBuilder(aspect, valueText, !value.isLiteral(),
                            label != null ? label : labelOf(value)))
                    .add(source);
        });
        List<Statement> ordered = statements.values().stream().map(StatementBuilder::build)
                .sorted(java.util.Comparator.comparing(Statement::aspect))
                .toList();

        List<SalaryFigure> salaries = new ArrayList<>();
        select(QueryCatalog.get("role-salaries"), role, row -> salaries.add(new SalaryFigure(
                row.getResource("salary").getURI(), text(row, "currency"), text(row, "duration"),
                decimal(row, "mean"), decimal(row, "median"), decimal(row, "min"), decimal(row, "max"),
                decimal(row, "p10"), decimal(row, "p90"), text(row, "providerName"), text(row, "year"),
                text(row, "region"), text(row, "note"), source(row, sources))));

        Map<String, Certification> certifications = new LinkedHashMap<>();
        select(QueryCatalog.get("credential-bodies"), role, row -> {
            String iri = row.getResource("credential").getURI();
            SourceRef source = source(row, sources);
            Certification known = certifications.get(iri);
            List<SourceRef> by = new ArrayList<>(known == null ? List.of() : known.sources());
            if (!by.contains(source)) {
                by.add(source);
            }
            certifications.put(iri, new Certification(iri, text(row, "name"), iri(row, "body"), text(row, "bodyName"),
                    text(row, "bodyAbbreviation"), by));
        });
        return new RoleProfile(summary, ordered, salaries, List.copyOf(certifications.values()),
                List.copyOf(sources.values()));
    }

    /** The error for an unknown id, with the closest known ids. */
    public UnknownRoleException unknown(String id) {
        return new UnknownRoleException(id, Ids.closest(id, list().stream().map(RoleSummary::id).toList(), 3));
    }

    private void select(Query query, RDFNode role, Consumer<QuerySolution> consumer) {
        var builder = connection.newQuery().query(query);
        if (role != null) {
            // Bound as a value in the query's syntax tree, never spliced into the text.
            builder = builder.substitution("role", role);
        }
        var bound = builder;
        // A local store needs a read transaction around the whole iteration; remote ones ignore it.
        connection.executeRead(() -> {
            try (var execution = bound.build()) {
                execution.execSelect().forEachRemaining(consumer);
            }
        });
    }

    private SourceRef source(QuerySolution row, Map<String, SourceRef> sources) {
        String iri = row.getResource("source").getURI();
        return sources.computeIfAbsent(iri, k -> new SourceRef(iri, lastSegment(iri), text(row, "sourceTitle")));
    }

    private static String lastSegment(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /** Labels of the ontology's own concepts (timeframes, decision levels), which data graphs do not repeat. */
    private static final org.apache.jena.rdf.model.Model ONTOLOGY = org.rolegraph.model.Ontology.ontology();

    private static String labelOf(RDFNode value) {
        if (value.isLiteral()) {
            return value.asLiteral().getLexicalForm();
        }
        var label = ONTOLOGY.getResource(value.asResource().getURI()).getProperty(org.apache.jena.vocabulary.SKOS.prefLabel);
        return label != null ? label.getString() : value.asResource().getURI();
    }

    private static String text(QuerySolution row, String name) {
        RDFNode node = row.get(name);
        if (node == null) {
            return null;
        }
        return node.isLiteral() ? node.asLiteral().getLexicalForm() : node.asResource().getURI();
    }

    private static String iri(QuerySolution row, String name) {
        RDFNode node = row.get(name);
        return node != null && node.isURIResource() ? node.asResource().getURI() : null;
    }

    private static BigDecimal decimal(QuerySolution row, String name) {
        RDFNode node = row.get(name);
        if (node == null || !node.isLiteral()) {
            return null;
        }
        Literal literal = node.asLiteral();
        return new BigDecimal(literal.getLexicalForm());
    }

    private static final class StatementBuilder {
        private final Aspect aspect;
        private final String value;
        private final boolean iri;
        private final String label;
        private final List<SourceRef> sources = new ArrayList<>();

        StatementBuilder(Aspect aspect, String value, boolean iri, String label) {
            this.aspect = aspect;
            this.value = value;
            this.iri = iri;
            this.label = label;
        }

        void add(SourceRef source) {
            if (!sources.contains(source)) {
                sources.add(source);
            }
        }

        Statement build() {
            return new Statement(aspect, value, iri, label, sources);
        }
    }
}
