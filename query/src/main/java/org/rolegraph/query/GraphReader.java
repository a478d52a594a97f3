package org.rolegraph.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;

import org.apache.jena.vocabulary.SKOS;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.Ids;
import org.rolegraph.model.Ontology;

/** Reads what descriptions and comparisons need from the graph, through the catalog queries. */
final class GraphReader {

    /** Labels of the ontology's own concepts (timeframes, decision levels), which data graphs do not repeat. */
    private static final Model ONTOLOGY = Ontology.ontology();

    private final Sparql sparql;
    private final IriScheme iris;
    /** Sources in the order they were first cited, shared by everything one reader reads. */
    private final Map<String, SourceRef> sources = new LinkedHashMap<>();

    GraphReader(Sparql sparql, IriScheme iris) {
        this.sparql = sparql;
        this.iris = iris;
    }

    IriScheme iris() {
        return iris;
    }

    Sparql sparql() {
        return sparql;
    }

    List<SourceRef> sourcesCited() {
        return List.copyOf(sources.values());
    }

    static List<Node> iriNodes(List<RoleSummary> roles) {
        return roles.stream().map(r -> NodeFactory.createURI(r.iri())).toList();
    }

    /** Every role, or only those with the given ids, ordered by family and label. */
    List<RoleSummary> roles(List<String> ids) {
        Query query = QueryCatalog.get("roles");
        if (ids != null) {
            query = QueryBindings.withValues(query, "role", ids.stream().map(id -> NodeFactory.createURI(iris.role(id))).toList());
        }
        Map<String, RoleSummary> roles = new LinkedHashMap<>();
        for (QuerySolution row : sparql.select(query)) {
            String iri = row.getResource("role").getURI();
            String id = iris.roleId(iri);
            if (id != null) {
                roles.putIfAbsent(iri, new RoleSummary(id, iri, text(row, "label"), iri(row, "family"),
                        text(row, "familyLabel")));
            }
        }
        return List.copyOf(roles.values());
    }

    /** The roles with these ids, in this order; throws {@link UnknownRoleException} for the first unknown. */
    List<RoleSummary> resolve(List<String> ids) {
        Map<String, RoleSummary> found = new LinkedHashMap<>();
        for (RoleSummary role : roles(ids)) {
            found.put(role.id(), role);
        }
        List<RoleSummary> ordered = new ArrayList<>();
        for (String id : ids) {
            RoleSummary role = found.get(id);
            if (role == null) {
                throw unknown(id);
            }
            ordered.add(role);
        }
        return ordered;
    }

    UnknownRoleException unknown(String id) {
        return new UnknownRoleException(id, Ids.closest(id, roles(null).stream().map(RoleSummary::id).toList(), 3));
    }

    /** What the graph says about each role (by IRI), under the aspects descriptions show. */
    Map<String, List<org.rolegraph.query.Statement>> statements(List<RoleSummary> roles) {
        Map<String, Map<String, StatementBuilder>> byRole = new LinkedHashMap<>();
        roles.forEach(r -> byRole.put(r.iri(), new LinkedHashMap<>()));
        for (QuerySolution row : sparql.select(QueryBindings.withValues(QueryCatalog.get("compare"), "role", iriNodes(roles)))) {
            Aspect aspect = Aspect.of(row.getResource("property").getURI());
            if (aspect == null) {
                continue;
            }
            RDFNode value = row.get("value");
            String valueText = value.isLiteral() ? value.asLiteral().getLexicalForm() : value.asResource().getURI();
            String label = text(row, "valueLabel");
            byRole.get(row.getResource("role").getURI())
                    .computeIfAbsent(aspect.name() + "\u0000" + valueText,
                            k -> new StatementBuilder(aspect, valueText, !value.isLiteral(),
                                    label != null ? label : labelOf(value)))
                    .add(source(row, "source", "sourceTitle"));
        }
        Map<String, List<org.rolegraph.query.Statement>> result = new LinkedHashMap<>();
        byRole.forEach((role, builders) -> result.put(role, builders.values().stream().map(StatementBuilder::build)
                .sorted(java.util.Comparator.comparing(org.rolegraph.query.Statement::aspect)
                        .thenComparing(st -> st.label().toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(org.rolegraph.query.Statement::value))
                .toList()));
        return result;
    }

    /** The salary estimates of each role (by IRI), one per source. */
    Map<String, List<SalaryFigure>> salaries(List<RoleSummary> roles) {
        Map<String, List<SalaryFigure>> byRole = new LinkedHashMap<>();
        roles.forEach(r -> byRole.put(r.iri(), new ArrayList<>()));
        for (QuerySolution row : sparql.select(QueryBindings.withValues(QueryCatalog.get("salaries"), "role", iriNodes(roles)))) {
            byRole.get(row.getResource("role").getURI()).add(new SalaryFigure(
                    row.getResource("salary").getURI(), text(row, "currency"), text(row, "duration"),
                    decimal(row, "mean"), decimal(row, "median"), decimal(row, "min"), decimal(row, "max"),
                    decimal(row, "p10"), decimal(row, "p90"), text(row, "providerName"), text(row, "year"),
                    text(row, "region"), text(row, "note"), source(row, "source", "sourceTitle")));
        }
        return byRole;
    }

    /** The certifications of each role (by IRI) with the bodies that grant them. */
    Map<String, List<Certification>> certifications(List<RoleSummary> roles) {
        Map<String, Map<String, Certification>> byRole = new LinkedHashMap<>();
        roles.forEach(r -> byRole.put(r.iri(), new LinkedHashMap<>()));
        for (QuerySolution row : sparql.select(QueryBindings.withValues(QueryCatalog.get("certifications"), "role", iriNodes(roles)))) {
            Map<String, Certification> certifications = byRole.get(row.getResource("role").getURI());
            String iri = row.getResource("credential").getURI();
            SourceRef source = source(row, "source", "sourceTitle");
            Certification known = certifications.get(iri);
            List<SourceRef> by = new ArrayList<>(known == null ? List.of() : known.sources());
            if (!by.contains(source)) {
                by.add(source);
            }
            certifications.put(iri, new Certification(iri, text(row, "name"), iri(row, "body"), text(row, "bodyName"),
                    text(row, "bodyAbbreviation"), by));
        }
        Map<String, List<Certification>> result = new LinkedHashMap<>();
        byRole.forEach((role, map) -> result.put(role, List.copyOf(map.values())));
        return result;
    }

    SourceRef source(QuerySolution row, String variable, String titleVariable) {
        String iri = row.getResource(variable).getURI();
        return sources.computeIfAbsent(iri, k -> new SourceRef(iri, iri.substring(iri.lastIndexOf('/') + 1),
                titleVariable == null ? null : text(row, titleVariable)));
    }

    /** A source cited by IRI only (its title read from the graph when first seen). */
    SourceRef source(String iri) {
        SourceRef known = sources.get(iri);
        if (known != null) {
            return known;
        }
        Query query = QueryBindings.substitute(org.apache.jena.query.QueryFactory.create(
                "SELECT ?title WHERE { ?source <http://purl.org/dc/terms/title> ?title }"),
                Map.of("source", NodeFactory.createURI(iri)));
        List<QuerySolution> rows = sparql.select(query);
        String title = rows.isEmpty() ? null : text(rows.get(0), "title");
        return sources.computeIfAbsent(iri, k -> new SourceRef(iri, iri.substring(iri.lastIndexOf('/') + 1), title));
    }

    static String labelOf(RDFNode value) {
        if (value.isLiteral()) {
            return value.asLiteral().getLexicalForm();
        }
        org.apache.jena.rdf.model.Statement label = ONTOLOGY.getResource(value.asResource().getURI()).getProperty(SKOS.prefLabel);
        return label != null ? label.getString() : value.asResource().getURI();
    }

    static String text(QuerySolution row, String name) {
        RDFNode node = row.get(name);
        if (node == null) {
            return null;
        }
        return node.isLiteral() ? node.asLiteral().getLexicalForm() : node.asResource().getURI();
    }

    static String iri(QuerySolution row, String name) {
        RDFNode node = row.get(name);
        return node != null && node.isURIResource() ? node.asResource().getURI() : null;
    }

    static BigDecimal decimal(QuerySolution row, String name) {
        RDFNode node = row.get(name);
        return node == null || !node.isLiteral() ? null : new BigDecimal(node.asLiteral().getLexicalForm());
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

        org.rolegraph.query.Statement build() {
            return new org.rolegraph.query.Statement(aspect, value, iri, label, sources);
        }
    }
}
