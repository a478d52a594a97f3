package org.rolegraph.query;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdfconnection.RDFConnection;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.RG;

/**
 * Answers "what is the difference between these roles?" with the catalog's SPARQL queries over any
 * store reached through an {@link RDFConnection}: side-by-side comparisons, shared and unique duties,
 * similarity, salaries, reporting lines, roles that fit a need, and the sources of claims.
 *
 * <pre>{@code
 * Comparisons comparisons = new Comparisons(connection, IriScheme.DEFAULT);
 * Comparison pmVsDm = comparisons.compare(List.of("product-manager", "delivery-manager"));
 * }</pre>
 *
 * Every parameter is bound in the query's syntax tree; no caller text becomes query text.
 */
public final class Comparisons {

    private final RDFConnection connection;
    private final IriScheme iris;
    private final Duration timeout;

    public Comparisons(RDFConnection connection, IriScheme iris) {
        this(connection, iris, Roles.DEFAULT_TIMEOUT);
    }

    public Comparisons(RDFConnection connection, IriScheme iris, Duration timeout) {
        this.connection = Objects.requireNonNull(connection);
        this.iris = Objects.requireNonNull(iris);
        this.timeout = Objects.requireNonNull(timeout);
    }

    private GraphReader reader() {
        return new GraphReader(new Sparql(connection, timeout), iris);
    }

    /** Two or more roles side by side on every aspect the graph holds. */
    public Comparison compare(List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("compare needs at least one role");
        }
        GraphReader reader = reader();
        List<RoleSummary> roles = reader.resolve(List.copyOf(new LinkedHashSet<>(ids)));
        Map<String, List<Statement>> statements = reader.statements(roles);
        Map<String, List<Certification>> certifications = reader.certifications(roles);
        Map<String, List<SalaryFigure>> salaries = reader.salaries(roles);

        List<AspectValues> aspects = new ArrayList<>();
        for (Aspect aspect : Aspect.values()) {
            Map<String, List<Statement>> byRole = new LinkedHashMap<>();
            boolean any = false;
            for (RoleSummary role : roles) {
                List<Statement> values = statements.get(role.iri()).stream().filter(s -> s.aspect() == aspect)
                        .map(s -> aspect == Aspect.CERTIFICATION ? withBody(s, certifications.get(role.iri())) : s)
                        .toList();
                byRole.put(role.id(), values);
                any |= !values.isEmpty();
            }
            if (any) {
                aspects.add(new AspectValues(aspect, byRole));
            }
        }
        Map<String, List<SalaryFigure>> salariesById = new LinkedHashMap<>();
        roles.forEach(role -> salariesById.put(role.id(), salaries.get(role.iri())));
        Map<String, List<SurveyFigure>> surveys = reader.surveys(roles);
        Map<String, List<SurveyFigure>> surveysById = new LinkedHashMap<>();
        roles.forEach(role -> surveysById.put(role.id(), surveys.get(role.iri())));
        SharedAndUnique sharedAndUnique = sharedAndUnique(reader, roles);
        List<Disagreement> disagreements = disagreements(reader, roles);
        Map<String, List<LinkedOccupation>> linkedByIri = reader.linked(roles);
        Map<String, List<LinkedOccupation>> linked = new LinkedHashMap<>();
        roles.forEach(role -> linked.put(role.id(), linkedByIri.get(role.iri())));
        return new Comparison(roles, aspects, salariesById, surveysById, sharedAndUnique, disagreements, linked, reader.sourcesCited());
    }

    private static Statement withBody(Statement statement, List<Certification> certifications) {
        return certifications.stream().filter(c -> c.iri().equals(statement.value())).findFirst()
                .map(c -> new Statement(statement.aspect(), statement.value(), true,
                        c.name() + " (" + c.bodyName() + ")",
                        statement.sources()))
                .orElse(statement);
    }

    /** The responsibilities and skills of two or more roles: shared by all, unique to one, or partly shared. */
    public SharedAndUnique sharedAndUnique(List<String> ids) {
        GraphReader reader = reader();
        return sharedAndUnique(reader, reader.resolve(List.copyOf(new LinkedHashSet<>(ids))));
    }

    private SharedAndUnique sharedAndUnique(GraphReader reader, List<RoleSummary> roles) {
        Map<String, String> idByIri = new HashMap<>();
        roles.forEach(r -> idByIri.put(r.iri(), r.id()));
        List<SharedItem> shared = new ArrayList<>();
        List<SharedItem> partly = new ArrayList<>();
        Map<String, List<SharedItem>> unique = new LinkedHashMap<>();
        roles.forEach(r -> unique.put(r.id(), new ArrayList<>()));
        Query query = QueryBindings.withValues(QueryCatalog.get("shared-and-unique"), "role", GraphReader.iriNodes(roles));
        // Each item once (by kind and IRI), with the roles that hold it.
        Map<String, SharedItem> items = new LinkedHashMap<>();
        for (QuerySolution row : reader.sparql().select(query)) {
            String kind = GraphReader.text(row, "kind");
            String itemIri = GraphReader.iri(row, "item");
            String label = GraphReader.text(row, "itemLabel");
            SharedItem known = items.get(kind + " " + itemIri);
            List<String> holders = new ArrayList<>(known == null ? List.of() : known.holders());
            String holder = idByIri.get(GraphReader.iri(row, "role"));
            if (!holders.contains(holder)) {
                holders.add(holder);
            }
            // In the order the roles were given, not the store's.
            holders.sort(Comparator.comparingInt(id -> indexOf(roles, id)));
            items.put(kind + " " + itemIri, new SharedItem(kind, itemIri,
                    known != null ? known.label() : label != null ? label : itemIri, holders));
        }
        List<SharedItem> ordered = new ArrayList<>(items.values());
        ordered.sort(Comparator.comparing(SharedItem::kind)
                .thenComparing(Comparator.comparingInt((SharedItem i) -> i.holders().size()).reversed())
                .thenComparing(SharedItem::label).thenComparing(SharedItem::iri));
        for (SharedItem item : ordered) {
            List<String> holders = item.holders();
            if (holders.size() == roles.size() && roles.size() > 1) {
                shared.add(item);
            } else if (holders.size() == 1) {
                unique.get(holders.get(0)).add(item);
            } else {
                partly.add(item);
            }
        }
        return new SharedAndUnique(shared, unique, partly);
    }

    private static int indexOf(List<RoleSummary> roles, String id) {
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).id().equals(id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The salary estimates of each role (by id), each with its source; never merged. */
    public Map<String, List<SalaryFigure>> salaries(List<String> ids) {
        GraphReader reader = reader();
        List<RoleSummary> roles = reader.resolve(List.copyOf(new LinkedHashSet<>(ids)));
        Map<String, List<SalaryFigure>> byIri = reader.salaries(roles);
        Map<String, List<SalaryFigure>> byId = new LinkedHashMap<>();
        roles.forEach(role -> byId.put(role.id(), byIri.get(role.iri())));
        return byId;
    }

    /** Where sources disagree about these roles (every role when {@code ids} is empty). */
    public List<Disagreement> disagreements(List<String> ids) {
        GraphReader reader = reader();
        return disagreements(reader, ids.isEmpty() ? null : reader.resolve(List.copyOf(new LinkedHashSet<>(ids))));
    }

    private List<Disagreement> disagreements(GraphReader reader, List<RoleSummary> roles) {
        Query query = QueryCatalog.get("disagreements");
        if (roles != null) {
            query = QueryBindings.withValues(query, "role", GraphReader.iriNodes(roles));
        }
        List<Disagreement> result = new ArrayList<>();
        for (QuerySolution row : reader.sparql().select(query)) {
            String roleId = iris.roleId(GraphReader.iri(row, "role"));
            if (roleId == null) {
                continue;
            }
            result.add(new Disagreement(roleId, GraphReader.iri(row, "aspect"), valueText(row.get("value1")),
                    reader.source(GraphReader.iri(row, "source1")), valueText(row.get("value2")),
                    reader.source(GraphReader.iri(row, "source2")), GraphReader.text(row, "currency"),
                    GraphReader.text(row, "duration"), GraphReader.text(row, "thanLabel")));
        }
        return result;
    }

    private static String valueText(RDFNode value) {
        return GraphReader.labelOf(value);
    }

    /**
     * The {@code top} roles closest to role {@code id} by the weighted Jaccard index of duties and
     * skills, best first: the ranking of similar.rq (score, then IRI), computed without weighing every
     * candidate. similar-candidates.rq gives each candidate's shared weight and the role's own; since a
     * candidate's union is at least the role's own weight, shared / own bounds its score, so candidates
     * are weighed (similar-weights.rq) best bound first, and weighing stops when no bound left reaches
     * the Nth score. With items many roles hold (a skill of ESCO's, a pooled duty), that weighs a small
     * share of the candidates, where similar.rq weighs them all.
     */
    public List<Similarity> similar(String id, int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1");
        }
        GraphReader reader = reader();
        RoleSummary role = reader.resolve(List.of(id)).get(0);
        List<Candidate> candidates = new ArrayList<>();
        long own = 0;
        Query query = QueryBindings.substitute(QueryCatalog.get("similar-candidates"), Map.of("role", NodeFactory.createURI(role.iri())));
        for (QuerySolution row : reader.sparql().select(query)) {
            String other = GraphReader.iri(row, "other");
            if (other != null) {
                candidates.add(new Candidate(other, row.getLiteral("shared").getLong()));
                own = row.getLiteral("own").getLong();
            }
        }
        // Best bound first: the most shared weight (the own weight is the same for all), then by IRI.
        candidates.sort(Comparator.comparingLong(Candidate::shared).reversed().thenComparing(Candidate::iri));
        List<Weighed> weighed = new ArrayList<>();
        Map<String, RoleSummary> summaries = new HashMap<>();
        Set<String> notRoles = new java.util.HashSet<>();
        int next = 0;
        while (true) {
            List<Weighed> best = best(weighed, notRoles, top);
            if (next < candidates.size() && (best.size() < top || canReach(candidates.get(next), own, best.get(top - 1)))) {
                List<Candidate> batch = candidates.subList(next, Math.min(candidates.size(), next + WEIGH_BATCH));
                next += batch.size();
                weighed.addAll(weigh(reader, batch, own));
                continue;
            }
            // The top as it stands; a candidate that is not a role (no rg:Role with an English label, as
            // the roles query finds them) leaves it, and the next may need weighing.
            List<String> unknown = best.stream().map(Weighed::iri).filter(iri -> !summaries.containsKey(iri)).toList();
            List<String> ids = unknown.stream().map(iris::roleId).filter(Objects::nonNull).toList();
            reader.roles(ids).forEach(r -> summaries.put(r.iri(), r));
            List<String> dropped = unknown.stream().filter(iri -> !summaries.containsKey(iri)).toList();
            if (dropped.isEmpty()) {
                return best.stream().map(w -> new Similarity(summaries.get(w.iri()), (int) w.shared(), (int) w.union(),
                        (double) w.shared() / w.union())).toList();
            }
            notRoles.addAll(dropped);
        }
    }

    /** Candidates weighed per similar-weights.rq request: a VALUES block of this many IRIs. */
    private static final int WEIGH_BATCH = 100;

    private record Candidate(String iri, long shared) {}

    /** A candidate with its score as the fraction shared / union, kept exact so ties rank by IRI as in similar.rq. */
    private record Weighed(String iri, long shared, long union) {}

    /** Higher score first (compared as fractions, without rounding), then IRI. */
    private static final Comparator<Weighed> RANKING = ((Comparator<Weighed>) (a, b) ->
            Long.compare(b.shared() * a.union(), a.shared() * b.union())).thenComparing(Weighed::iri);

    private static List<Weighed> best(List<Weighed> weighed, Set<String> excluded, int top) {
        return weighed.stream().filter(w -> !excluded.contains(w.iri())).sorted(RANKING).limit(top).toList();
    }

    /** Whether a candidate's bound (shared / own) reaches {@code nth}'s score: it could tie or beat it. */
    private static boolean canReach(Candidate candidate, long own, Weighed nth) {
        return candidate.shared() * nth.union() >= nth.shared() * own;
    }

    private List<Weighed> weigh(GraphReader reader, List<Candidate> batch, long own) {
        Map<String, Long> shared = new HashMap<>();
        batch.forEach(c -> shared.put(c.iri(), c.shared()));
        Query query = QueryBindings.withValues(QueryCatalog.get("similar-weights"), "other",
                batch.stream().map(c -> NodeFactory.createURI(c.iri())).toList());
        List<Weighed> weighed = new ArrayList<>();
        for (QuerySolution row : reader.sparql().select(query)) {
            String other = GraphReader.iri(row, "other");
            long others = row.getLiteral("others").getLong();
            weighed.add(new Weighed(other, shared.get(other), own + others - shared.get(other)));
        }
        return weighed;
    }

    /**
     * The reporting line of role {@code id}: roles above and below it, nearest first, with the direct
     * links. Walked here over the direct lines (reporting-lines.rq) rather than with a SPARQL path
     * ({@code (rg:reportsTo|^rg:manages)+}): links come from different sources, and a path crosses
     * named graphs only through a union default graph, which not every store has.
     */
    public ReportingChain chain(String id) {
        GraphReader reader = reader();
        RoleSummary role = reader.resolve(List.of(id)).get(0);
        List<ReportingLine> all = reportingLines(reader);
        Map<String, RoleSummary> summaries = new HashMap<>();
        all.forEach(l -> {
            summaries.put(l.manager().id(), l.manager());
            summaries.put(l.report().id(), l.report());
        });
        List<RoleSummary> above = nearestFirst(role.id(), all, true, summaries);
        List<RoleSummary> below = nearestFirst(role.id(), all, false, summaries);
        Set<String> involved = new LinkedHashSet<>(List.of(role.id()));
        above.forEach(r -> involved.add(r.id()));
        below.forEach(r -> involved.add(r.id()));
        List<ReportingLine> lines = all.stream()
                .filter(l -> involved.contains(l.manager().id()) && involved.contains(l.report().id())).toList();
        return new ReportingChain(role, above, below, lines);
    }

    /** Breadth-first from the role along the direct links, up or down, so the nearest roles come first. */
    private static List<RoleSummary> nearestFirst(String start, List<ReportingLine> lines, boolean up,
            Map<String, RoleSummary> summaries) {
        List<RoleSummary> ordered = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(List.of(start));
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String current = queue.removeFirst();
            List<String> next = lines.stream()
                    .filter(l -> (up ? l.report() : l.manager()).id().equals(current))
                    .map(l -> (up ? l.manager() : l.report()).id())
                    .sorted().toList();
            for (String id : next) {
                if (seen.add(id)) {
                    ordered.add(summaries.get(id));
                    queue.addLast(id);
                }
            }
        }
        return ordered;
    }

    /** Every direct reporting link in the graph, with its sources. */
    public List<ReportingLine> reportingLines() {
        return reportingLines(reader());
    }

    private List<ReportingLine> reportingLines(GraphReader reader) {
        Map<String, ReportingLine> lines = new LinkedHashMap<>();
        for (QuerySolution row : reader.sparql().select(QueryCatalog.get("reporting-lines"))) {
            String managerIri = GraphReader.iri(row, "manager");
            String reportIri = GraphReader.iri(row, "report");
            String managerId = iris.roleId(managerIri);
            String reportId = iris.roleId(reportIri);
            if (managerId == null || reportId == null) {
                continue;
            }
            SourceRef source = reader.source(row, "source", "sourceTitle");
            String key = managerId + " " + reportId;
            ReportingLine known = lines.get(key);
            List<SourceRef> sources = new ArrayList<>(known == null ? List.of() : known.sources());
            if (!sources.contains(source)) {
                sources.add(source);
            }
            lines.put(key, new ReportingLine(
                    new RoleSummary(managerId, managerIri, GraphReader.text(row, "managerLabel"), null, null),
                    new RoleSummary(reportId, reportIri, GraphReader.text(row, "reportLabel"), null, null), sources));
        }
        return List.copyOf(lines.values());
    }

    /** The roles that fit a need: every given criterion must hold; each keyword brings its evidence. */
    public List<RoleMatch> fitting(Need need) {
        GraphReader reader = reader();
        Map<String, Node> base = new HashMap<>();
        if (need.timeframe() != null) {
            base.put("timeframe", (need.timeframe() == org.rolegraph.model.records.Timeframe.CONTINUOUS
                    ? RG.Continuous : RG.TimeBound).asNode());
        }
        if (need.decisionLevel() != null) {
            base.put("decisionLevel", switch (need.decisionLevel()) {
                case STRATEGIC -> RG.Strategic.asNode();
                case TACTICAL -> RG.Tactical.asNode();
                case OPERATIONAL -> RG.Operational.asNode();
            });
        }
        List<String> keywords = need.keywords().isEmpty() ? java.util.Collections.singletonList(null) : need.keywords();
        Map<String, List<String>> evidence = null;
        Map<String, String> labels = new HashMap<>();
        for (String keyword : keywords) {
            Map<String, Node> values = new HashMap<>(base);
            if (keyword != null) {
                values.put("keyword", NodeFactory.createLiteralString(keyword));
            }
            Map<String, List<String>> matched = new LinkedHashMap<>();
            for (QuerySolution row : reader.sparql().select(QueryBindings.substitute(QueryCatalog.get("fit"), values))) {
                String iri = GraphReader.iri(row, "role");
                labels.put(iri, GraphReader.text(row, "label"));
                List<String> texts = new ArrayList<>(evidence == null ? List.of() : evidence.getOrDefault(iri, List.of()));
                String text = GraphReader.text(row, "evidence");
                if (keyword != null && text != null) {
                    texts.add(text);
                }
                if (evidence == null || evidence.containsKey(iri)) {
                    matched.put(iri, texts);
                }
            }
            evidence = matched;
        }
        List<RoleMatch> result = new ArrayList<>();
        evidence.forEach((iri, texts) -> {
            String id = iris.roleId(iri);
            if (id != null) {
                result.add(new RoleMatch(new RoleSummary(id, iri, labels.get(iri), null, null), texts));
            }
        });
        return result;
    }

    /** The sources whose graphs hold the triple (subject, property, value). */
    public List<SourceRef> sourcesOf(String subjectIri, String propertyIri, RDFNode value) {
        GraphReader reader = reader();
        Query query = QueryBindings.substitute(QueryCatalog.get("claim-sources"), Map.of(
                "subject", NodeFactory.createURI(subjectIri),
                "property", NodeFactory.createURI(propertyIri),
                "value", value.asNode()));
        List<SourceRef> sources = new ArrayList<>();
        for (QuerySolution row : reader.sparql().select(query)) {
            sources.add(reader.source(row, "source", "sourceTitle"));
        }
        return sources;
    }
}
