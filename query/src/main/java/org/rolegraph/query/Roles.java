package org.rolegraph.query;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.model.IriScheme;

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

    /** How long a query may run unless the caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final RDFConnection connection;
    private final IriScheme iris;
    private final Duration timeout;

    public Roles(RDFConnection connection, IriScheme iris) {
        this(connection, iris, DEFAULT_TIMEOUT);
    }

    public Roles(RDFConnection connection, IriScheme iris, Duration timeout) {
        this.connection = Objects.requireNonNull(connection);
        this.iris = Objects.requireNonNull(iris);
        this.timeout = Objects.requireNonNull(timeout);
    }

    private GraphReader reader() {
        return new GraphReader(new Sparql(connection, timeout), iris);
    }

    /** Every role, ordered by family and label. */
    public List<RoleSummary> list() {
        return reader().roles(null);
    }

    /**
     * The role a name means: its id, an ESCO or O*NET code, or a label in any case. Throws
     * {@link UnknownRoleException} naming the closest ids, or {@link AmbiguousRoleException} listing
     * the candidates when several roles answer to the name equally well.
     */
    public RoleSummary find(String name) {
        return reader().resolve(List.of(name)).get(0);
    }

    /** Everything said about role {@code id}; throws {@link UnknownRoleException} naming the closest ids. */
    public RoleProfile describe(String id) {
        GraphReader reader = reader();
        List<RoleSummary> role = reader.resolve(List.of(id));
        String iri = role.get(0).iri();
        List<Statement> statements = reader.statements(role).get(iri);
        List<SalaryFigure> salaries = reader.salaries(role).get(iri);
        List<SurveyFigure> surveys = reader.surveys(role).get(iri);
        List<Certification> certifications = reader.certifications(role).get(iri);
        List<LinkedOccupation> linked = reader.linked(role).get(iri);
        return new RoleProfile(role.get(0), statements, salaries, surveys, certifications, linked, reader.sourcesCited());
    }

    /** How many IRIs one labels query binds: a small VALUES block, which every store answers quickly. */
    static final int LABELS_PER_QUERY = 200;

    /**
     * The English preferred label of each of {@code iris} that has one (labels.rq), by IRI: what a
     * person reads in place of an IRI.
     */
    public java.util.Map<String, String> labels(java.util.Collection<String> iris) {
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        List<org.apache.jena.graph.Node> nodes = iris.stream().distinct().map(org.apache.jena.graph.NodeFactory::createURI).toList();
        Sparql sparql = new Sparql(connection, timeout);
        for (int from = 0; from < nodes.size(); from += LABELS_PER_QUERY) {
            List<org.apache.jena.graph.Node> some = nodes.subList(from, Math.min(nodes.size(), from + LABELS_PER_QUERY));
            sparql.select(QueryBindings.withValues(QueryCatalog.get("labels"), "entry", some),
                    row -> labels.put(row.getResource("entry").getURI(), row.getLiteral("label").getLexicalForm()));
        }
        return labels;
    }

    /** The taxonomy releases the store holds (ESCO, O*NET), by title, with their number of roles. */
    public List<ReleaseSummary> releases() {
        List<ReleaseSummary> releases = new java.util.ArrayList<>();
        for (var row : new Sparql(connection, timeout).select(QueryCatalog.get("releases"))) {
            String graph = row.getResource("graph").getURI();
            if (IriScheme.isReleaseGraph(graph)) {
                releases.add(new ReleaseSummary(iris.graphId(graph), graph, GraphReader.text(row, "title"),
                        row.getLiteral("roles").getLong()));
            }
        }
        return releases;
    }

    /** One page of the roles a release declares, by label: {@code limit} from {@code offset}. */
    public List<RoleSummary> browse(String releaseId, int offset, int limit) {
        return page(QueryBindings.substitute(QueryCatalog.get("browse"),
                java.util.Map.of("graph", org.apache.jena.graph.NodeFactory.createURI(iris.graph(releaseId)))), offset, limit);
    }

    /**
     * The occupation groups of a release (ISCO-08 groups for ESCO, SOC major groups for O*NET), by
     * code, each with its broader group and its number of occupations at any depth.
     */
    public List<RoleGroup> groups(String releaseId) {
        List<RoleGroup> groups = new java.util.ArrayList<>();
        var query = QueryBindings.substitute(QueryCatalog.get("groups"),
                java.util.Map.of("graph", org.apache.jena.graph.NodeFactory.createURI(iris.graph(releaseId))));
        for (var row : new Sparql(connection, timeout).select(query)) {
            groups.add(new RoleGroup(row.getResource("group").getURI(), GraphReader.text(row, "code"), GraphReader.text(row, "name"),
                    row.contains("parent") ? row.getResource("parent").getURI() : null, row.getLiteral("roles").getLong()));
        }
        return groups;
    }

    /** One page of the roles of a release in group {@code groupIri} at any depth, by label: {@code limit} from {@code offset}. */
    public List<RoleSummary> browse(String releaseId, String groupIri, int offset, int limit) {
        return page(QueryBindings.substitute(QueryCatalog.get("group-roles"),
                java.util.Map.of("graph", org.apache.jena.graph.NodeFactory.createURI(iris.graph(releaseId)),
                        "group", org.apache.jena.graph.NodeFactory.createURI(groupIri))), offset, limit);
    }

    /**
     * One page of the roles whose names hold every word of {@code text} (any case, any order): named
     * exactly the text first, then starting with it, then containing it, then the rest; by label.
     */
    public List<RoleSummary> search(String text, int offset, int limit) {
        String folded = org.rolegraph.model.Names.fold(text);
        List<org.apache.jena.graph.Node> words = java.util.Arrays.stream(folded.split(" ")).filter(w -> !w.isEmpty()).distinct()
                .map(org.apache.jena.graph.NodeFactory::createLiteralString).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        org.apache.jena.graph.Node longest = words.stream()
                .max(java.util.Comparator.comparingInt((org.apache.jena.graph.Node w) -> w.getLiteralLexicalForm().length())).orElseThrow();
        var query = QueryBindings.substitute(QueryCatalog.get("search"), java.util.Map.of(
                "text", org.apache.jena.graph.NodeFactory.createLiteralString(folded), "first", longest,
                "words", org.apache.jena.graph.NodeFactory.createLiteralDT(Integer.toString(words.size()),
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
        return page(QueryBindings.withAlternatives(query, "word", words), offset, limit);
    }

    private List<RoleSummary> page(org.apache.jena.query.Query query, int offset, int limit) {
        query.setOffset(offset);
        query.setLimit(limit);
        List<RoleSummary> roles = new java.util.ArrayList<>();
        for (var row : new Sparql(connection, timeout).select(query)) {
            String iri = row.getResource("role").getURI();
            String id = iris.roleId(iri);
            if (id != null) {
                roles.add(new RoleSummary(id, iri, GraphReader.text(row, "label"), null, null));
            }
        }
        return roles;
    }
}
