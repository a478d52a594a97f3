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
import org.rolegraph.model.Decimals;
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

    /**
     * The roles these names mean, in this order. A name is a role's id ({@code product-manager},
     * {@code esco:UUID}, {@code onet:CODE}), an ESCO or O*NET code, or a preferred, alternative or
     * hidden label in any case and language (resolve.rq). An id or code wins over a preferred label,
     * which wins over an alternative or hidden one; among equals, a role that another candidate is an
     * exact match of gives way to that candidate (a curated role linked to the occupation it describes).
     *
     * @throws UnknownRoleException for the first name no role has, naming the closest ids
     * @throws AmbiguousRoleException for the first name that stays ambiguous, listing the candidates
     */
    List<RoleSummary> resolve(List<String> names) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            found.add(resolveOne(name));
        }
        Map<String, RoleSummary> byIri = new LinkedHashMap<>();
        for (RoleSummary role : roles(found.stream().map(iris::roleId).toList())) {
            byIri.put(role.iri(), role);
        }
        return found.stream().map(byIri::get).toList();
    }

    /** How a name matched a role, best first: an id or a code, a preferred label, another label. */
    private static final String[] MATCHED_AS = {"id or code", "preferred label", "alternative label", "hidden label"};

    private String resolveOne(String name) {
        if (IriScheme.isRoleId(name)) {
            // An id needs no lookup key: it names its IRI, so a store without keys still answers.
            List<RoleSummary> byId = roles(List.of(name));
            if (!byId.isEmpty()) {
                return byId.get(0).iri();
            }
        }
        String key = org.rolegraph.model.Names.fold(name);
        Map<String, Integer> best = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> graphsOf = new LinkedHashMap<>();
        Map<String, List<String>> exactMatches = new LinkedHashMap<>();
        Query query = QueryBindings.substitute(QueryCatalog.get("resolve"), Map.of("key", NodeFactory.createLiteralString(key)));
        for (QuerySolution row : sparql.select(query)) {
            String role = row.getResource("role").getURI();
            if (iris.roleId(role) == null) {
                continue;
            }
            graphsOf.computeIfAbsent(role, k -> new java.util.TreeSet<>()).add(row.getResource("graph").getURI());
            int kind = row.getLiteral("kind").getInt();
            String value = text(row, "value");
            if (kind == 9) {
                exactMatches.computeIfAbsent(role, k -> new ArrayList<>()).add(value);
                continue;
            }
            // The role's key matched one of its names; which one says how well.
            best.merge(role, org.rolegraph.model.Names.fold(value).equals(key) ? kind : Integer.MAX_VALUE, Math::min);
        }
        best.replaceAll((role, rank) -> org.rolegraph.model.Names.fold(iris.roleId(role)).equals(key) ? 0 : rank);
        int top = best.values().stream().min(Integer::compare).orElse(Integer.MAX_VALUE);
        if (top == Integer.MAX_VALUE) {
            throw unknown(name);
        }
        List<String> candidates = new ArrayList<>(best.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey).toList());
        if (candidates.size() > 1) {
            // A curated role linked to an occupation by skos:exactMatch describes that occupation: it wins.
            List<String> linked = candidates.stream()
                    .flatMap(c -> exactMatches.getOrDefault(c, List.of()).stream()).toList();
            candidates.removeIf(c -> linked.contains(c) && candidates.size() > 1);
        }
        if (candidates.size() > 1) {
            List<RoleSummary> summaries = roles(candidates.stream().map(iris::roleId).toList());
            List<AmbiguousRoleException.Candidate> listed = summaries.stream().map(r -> new AmbiguousRoleException.Candidate(
                    r, origins(graphsOf.get(r.iri())), MATCHED_AS[Math.min(top, 3)])).toList();
            throw new AmbiguousRoleException(name, listed);
        }
        return candidates.get(0);
    }

    /** Where a role comes from, by the graphs that type it: taxonomy releases by title, or the curated data. */
    private String origins(java.util.Set<String> graphs) {
        java.util.Set<String> origins = new java.util.TreeSet<>();
        for (String graph : graphs) {
            String id = iris.graphId(graph);
            if (id == null || !IriScheme.isReleaseGraph(graph)) {
                origins.add("RoleGraph curated data");
            } else {
                SourceRef source = source(iris.source(id));
                origins.add(source.title() == null ? id : source.title());
            }
        }
        return String.join(", ", origins);
    }

    UnknownRoleException unknown(String id) {
        return new UnknownRoleException(id, Ids.closest(id, roles(null).stream().map(RoleSummary::id).toList(), 3));
    }

    /** What the graph says about each role (by IRI), under the aspects descriptions show. */
    Map<String, List<org.rolegraph.query.Statement>> statements(List<RoleSummary> roles) {
        Map<String, List<org.rolegraph.query.Statement>> result = new LinkedHashMap<>();
        roles.forEach(r -> result.put(r.iri(), List.of()));
        result.putAll(statements(sparql.select(QueryBindings.withValues(QueryCatalog.get("compare"), "role", iriNodes(roles))), "role"));
        return result;
    }

    /** What the occupations each role (by IRI) is linked to bring, credited to their taxonomy (linked.rq). */
    Map<String, List<LinkedOccupation>> linked(List<RoleSummary> roles) {
        List<QuerySolution> rows = sparql.select(QueryBindings.withValues(QueryCatalog.get("linked"), "role", iriNodes(roles)));
        Map<String, Map<String, Boolean>> occupationsByRole = new LinkedHashMap<>();
        roles.forEach(r -> occupationsByRole.put(r.iri(), new LinkedHashMap<>()));
        for (QuerySolution row : rows) {
            occupationsByRole.get(row.getResource("role").getURI()).merge(row.getResource("occupation").getURI(),
                    row.getResource("match").getURI().equals(SKOS.exactMatch.getURI()), Boolean::logicalOr);
        }
        Map<String, List<org.rolegraph.query.Statement>> byOccupation = statements(rows, "occupation");
        Map<String, RoleSummary> summaries = new LinkedHashMap<>();
        List<String> ids = occupationsByRole.values().stream().flatMap(m -> m.keySet().stream()).distinct().map(iris::roleId)
                .filter(java.util.Objects::nonNull).toList();
        if (!ids.isEmpty()) {
            roles(ids).forEach(r -> summaries.put(r.iri(), r));
        }
        Map<String, List<LinkedOccupation>> result = new LinkedHashMap<>();
        occupationsByRole.forEach((role, occupations) -> result.put(role, occupations.entrySet().stream()
                .filter(e -> summaries.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Boolean>comparingByValue().reversed().thenComparing(e -> summaries.get(e.getKey()).label()))
                .map(e -> new LinkedOccupation(summaries.get(e.getKey()), e.getValue(), byOccupation.getOrDefault(e.getKey(), List.of())))
                .toList()));
        return result;
    }

    /** Statements from rows of ?property ?value ?valueLabel ?source ?sourceTitle, grouped by the IRI in {@code subject}. */
    private Map<String, List<org.rolegraph.query.Statement>> statements(List<QuerySolution> rows, String subject) {
        Map<String, Map<String, StatementBuilder>> byRole = new LinkedHashMap<>();
        for (QuerySolution row : rows) {
            Aspect aspect = Aspect.of(row.getResource("property").getURI());
            if (aspect == null) {
                continue;
            }
            RDFNode value = row.get("value");
            if (value.isLiteral() && !value.asLiteral().getLanguage().isEmpty()
                    && !value.asLiteral().getLanguage().toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
                continue; // descriptions are in English; a taxonomy's other languages stay for lookup and export
            }
            String valueText = value.isLiteral() ? value.asLiteral().getLexicalForm() : value.asResource().getURI();
            String label = text(row, "valueLabel");
            byRole.computeIfAbsent(row.getResource(subject).getURI(), k -> new LinkedHashMap<>())
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
                    text(row, "region"), text(row, "measuredName"), row.contains("proxy"),
                    text(row, "note"), source(row, "source", "sourceTitle")));
        }
        return byRole;
    }

    /** The survey figures of each role (by IRI), one per source. */
    Map<String, List<SurveyFigure>> surveys(List<RoleSummary> roles) {
        Map<String, List<SurveyFigure>> byRole = new LinkedHashMap<>();
        roles.forEach(r -> byRole.put(r.iri(), new ArrayList<>()));
        for (QuerySolution row : sparql.select(QueryBindings.withValues(QueryCatalog.get("survey-figures"), "role", iriNodes(roles)))) {
            byRole.get(row.getResource("role").getURI()).add(new SurveyFigure(row.getResource("figure").getURI(),
                    labelOf(row.get("measure")), decimal(row, "value"), decimal(row, "outOf"), "percent".equals(text(row, "unit")),
                    text(row, "span"), text(row, "providerName"), text(row, "year"), text(row, "region"), text(row, "note"),
                    source(row, "source", "sourceTitle")));
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
        Query query = QueryBindings.substitute(QueryCatalog.get("source"), Map.of("source", NodeFactory.createURI(iri)));
        List<QuerySolution> rows = sparql.select(query);
        String title = rows.isEmpty() ? null : text(rows.get(0), "title");
        return sources.computeIfAbsent(iri, k -> new SourceRef(iri, iri.substring(iri.lastIndexOf('/') + 1), title));
    }

    static String labelOf(RDFNode value) {
        if (value.isLiteral()) {
            String datatype = value.asLiteral().getDatatypeURI();
            boolean number = datatype != null && (datatype.equals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal.getURI())
                    || datatype.equals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger.getURI()));
            return number ? Decimals.value(value.asLiteral().getLexicalForm()).toPlainString() : value.asLiteral().getLexicalForm();
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

    /** A number as its value, in the form every store gives the same (see Decimals). */
    static BigDecimal decimal(QuerySolution row, String name) {
        RDFNode node = row.get(name);
        if (node == null || !node.isLiteral()) {
            return null;
        }
        return Decimals.value(node.asLiteral().getLexicalForm());
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
