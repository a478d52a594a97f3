package org.rolegraph.app.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.rolegraph.model.RG;
import org.rolegraph.query.Aspect;
import org.rolegraph.query.Comparison;
import org.rolegraph.query.LinkedOccupation;
import org.rolegraph.query.ReleaseSummary;
import org.rolegraph.query.RoleGroup;
import org.rolegraph.query.RoleProfile;
import org.rolegraph.query.RoleSummary;
import org.rolegraph.query.SharedItem;
import org.rolegraph.query.SourceRef;
import org.rolegraph.query.Statement;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The HTML pages of the server: jte templates (src/main/jte, compiled to Java at build time, every
 * value escaped for where it lands) fed with the query module's records and the little each page
 * works out first. The public types here are what the templates take.
 */
public final class Pages {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), "org.rolegraph.app.server.pages");

    private Pages() {}

    /** A link to the same content in another format, for the page's head. */
    public record Alternate(String type, String href) {}

    /** A value as a page shows it: its text, and where it links (null: nowhere), out of the site or not. */
    public record Shown(String text, String href, boolean external) {}

    /** The sources a page cites, numbered in first-cited order, for its marks and its list of sources. */
    public record Footnotes(List<SourceRef> sources, Map<String, Integer> numbers) {
        static Footnotes of(List<SourceRef> sources) {
            Map<String, Integer> numbers = new LinkedHashMap<>();
            sources.forEach(s -> numbers.putIfAbsent(s.iri(), numbers.size() + 1));
            return new Footnotes(List.copyOf(sources), Map.copyOf(numbers));
        }

        public int number(SourceRef source) {
            return numbers.get(source.iri());
        }

        /** A claim's sources in footnote order, each once, for its marks: [1][3], never [3][1]. */
        public List<SourceRef> inOrder(List<SourceRef> cited) {
            return cited.stream().distinct().sorted(java.util.Comparator.comparingInt(this::number)).toList();
        }
    }

    /** Which compared values all roles share and which only one has, as the CSS class of the value. */
    public record Highlights(Set<String> shared, Set<String> unique) {
        public String of(Statement statement) {
            return shared.contains(statement.value()) ? "shared" : unique.contains(statement.value()) ? "unique" : null;
        }
    }

    /** One line of "Where sources disagree": the role, what about, and each source's side in words. */
    public record DisagreementLine(String role, String subject, String side1, SourceRef source1, String side2,
            SourceRef source2) {}

    /** The answer of a SELECT from the SPARQL page: its variables and, per row, each cell's text. */
    public record ResultsTable(List<String> variables, List<List<String>> rows) {}

    /** An ontology term as the ontology page lists it; domain and range are null for a class. */
    public record Term(String name, String label, String comment, String domain, String range) {}

    /** The classes, object properties or datatype properties of the ontology. */
    public record TermSection(String title, List<Term> terms) {}

    // ---- pages -----------------------------------------------------------------------------------

    /**
     * The home page: the curated roles by family, the taxonomy releases to browse, and, for a search,
     * one page of the roles any of whose names contains it. {@code results} holds up to one more than
     * a page, which says whether a next page exists.
     */
    static String home(List<RoleSummary> curated, List<ReleaseSummary> releases, String search, List<RoleSummary> results, int page,
            int pageSize) {
        Map<String, List<RoleSummary>> families = new TreeMap<>();
        for (RoleSummary role : curated) {
            families.computeIfAbsent(role.familyLabel() == null ? "Other roles" : role.familyLabel(), k -> new ArrayList<>()).add(role);
        }
        // The curated roles' names, offered by the browser while one types (a datalist: no script); the
        // thousands of imported names are found by the search itself.
        List<String> suggestions = curated.stream().map(RoleSummary::label).distinct().sorted().toList();
        return render("home.jte", "families", families, "suggestions", suggestions, "releases", releases, "search", search,
                "results", results == null ? null : firstPage(results, pageSize), "page", page,
                "more", results != null && results.size() > pageSize);
    }

    /**
     * A taxonomy release, or one of its groups ({@code group}, null for the whole release): the way up
     * to the release, the groups one level down with their numbers of occupations, and one page of the
     * occupations in it at any depth, by label. {@code roles} holds up to one more than a page.
     */
    static String browse(ReleaseSummary release, RoleGroups groups, RoleGroup group, List<RoleSummary> roles, int page, int pageSize) {
        return render("browse.jte", "release", release, "group", group, "trail", group == null ? List.of() : groups.above(group),
                "below", groups.below(group), "roles", firstPage(roles, pageSize), "page", page, "pageSize", pageSize,
                "more", roles.size() > pageSize);
    }

    static String role(RoleProfile profile) {
        return render("role.jte", "profile", profile, "notes", Footnotes.of(profile.sources()));
    }

    /**
     * The compare form (the curated roles to tick, and the roles already compared; any other role, of
     * thousands of imported occupations, is added by name, so the form stays one screen whatever the
     * store holds) and, for two roles or more, the comparison.
     */
    static String compare(List<RoleSummary> all, Comparison comparison, List<String> chosen) {
        List<RoleSummary> offered = new ArrayList<>(all);
        Collection<String> chosenIds = chosen;
        Map<String, Object> params = new HashMap<>();
        if (comparison != null) {
            comparison.roles().stream().filter(r -> offered.stream().noneMatch(o -> o.id().equals(r.id()))).forEach(offered::add);
            chosenIds = comparison.roles().stream().map(RoleSummary::id).collect(Collectors.toSet());
            Set<String> unique = new HashSet<>();
            comparison.sharedAndUnique().unique().values().forEach(items -> items.forEach(i -> unique.add(i.iri())));
            params.put("notes", Footnotes.of(comparison.sources()));
            params.put("highlights", new Highlights(comparison.sharedAndUnique().shared().stream().map(SharedItem::iri)
                    .collect(Collectors.toSet()), unique));
            params.put("disagreements", comparison.disagreements().stream().map(d -> disagreement(comparison, d)).toList());
            params.put("salariesLast", comparison.aspects().stream().noneMatch(a -> a.aspect() == Aspect.WORK_ENVIRONMENT));
            params.put("hasLinked", comparison.linked().values().stream().anyMatch(l -> !l.isEmpty()));
        }
        params.put("offered", offered);
        params.put("chosenIds", chosenIds);
        params.put("comparison", comparison);
        params.put("jsonLink", "/compare?roles=" + Html.url(String.join(",", chosen)) + "&format=json");
        params.putIfAbsent("salariesLast", false);
        params.putIfAbsent("hasLinked", false);
        return render("compare.jte", params);
    }

    static String sparql(String query, ResultsTable results, String error, Map<String, String> examples) {
        return render("sparql.jte", "query", query, "results", results, "error", error, "examples", examples);
    }

    static String ontology(Model ontology) {
        List<TermSection> sections = new ArrayList<>();
        Map<Resource, String> kinds = new LinkedHashMap<>();
        kinds.put(OWL.Class, "Classes");
        kinds.put(OWL.ObjectProperty, "Object properties");
        kinds.put(OWL.DatatypeProperty, "Datatype properties");
        kinds.forEach((kind, title) -> sections.add(new TermSection(title, ontology.listSubjectsWithProperty(RDF.type, kind).toList()
                .stream().filter(r -> r.getURI().startsWith(RG.NS)).sorted(java.util.Comparator.comparing(Resource::getURI))
                .map(term -> {
                    org.apache.jena.rdf.model.Statement domain = term.getProperty(RDFS.domain);
                    org.apache.jena.rdf.model.Statement range = term.getProperty(RDFS.range);
                    return new Term(term.getLocalName(), text(term, RDFS.label), text(term, RDFS.comment),
                            domain == null ? null : ontology.shortForm(domain.getResource().getURI()),
                            range == null ? null : ontology.shortForm(range.getResource().getURI()));
                }).toList())));
        return render("ontology.jte", "comment", text(ontology.getResource(RG.ONTOLOGY_IRI), RDFS.comment), "sections", sections);
    }

    static String downloads() {
        return render("downloads.jte");
    }

    static String notFound(String what, List<String> closest) {
        return render("notFound.jte", "what", what, "closest", closest);
    }

    // ---- what the templates call -----------------------------------------------------------------

    /** A group as its pages name it: code and name. */
    public static String groupTitle(RoleGroup group) {
        return group.name() == null ? group.code() : group.code() + " " + group.name();
    }

    /** The roles compared, as the page's title: "Product manager vs Delivery manager". */
    public static String title(Comparison comparison) {
        return comparison.roles().stream().map(RoleSummary::label).collect(Collectors.joining(" vs "));
    }

    /**
     * An IRI value links to its page when it is one of our roles, or out when it is a match or an
     * occupational category (ESCO's, O*NET's); only http(s) IRIs become links.
     */
    public static Shown shown(Statement s) {
        if (!s.iri()) {
            return new Shown(s.label(), null, false);
        }
        int at = s.value().indexOf("/role/");
        if (at >= 0 && !s.value().contains("#")) {
            return new Shown(s.label(), "/role/" + s.value().substring(at + "/role/".length()), false);
        }
        boolean web = s.value().startsWith("http://") || s.value().startsWith("https://");
        if (web && (s.aspect() == Aspect.EXACT_MATCH || s.aspect() == Aspect.CLOSE_MATCH || s.aspect() == Aspect.OCCUPATIONAL_CATEGORY)) {
            return new Shown(s.label(), s.value(), true);
        }
        return new Shown(s.label(), null, false);
    }

    /** The sources of what a linked occupation brings, each once. */
    public static List<SourceRef> sourcesOf(LinkedOccupation linked) {
        return linked.statements().stream().flatMap(st -> st.sources().stream()).distinct().toList();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static DisagreementLine disagreement(Comparison comparison, org.rolegraph.query.Disagreement d) {
        String role = comparison.roles().stream().filter(r -> r.id().equals(d.roleId())).map(RoleSummary::label)
                .findFirst().orElse(d.roleId());
        return new DisagreementLine(role, d.subject(), d.side1(), d.source1(), d.side2(), d.source2());
    }

    private static <T> List<T> firstPage(List<T> items, int pageSize) {
        return items.subList(0, Math.min(pageSize, items.size()));
    }

    private static String text(Resource resource, Property property) {
        org.apache.jena.rdf.model.Statement statement = resource.getProperty(property);
        return statement == null ? "" : statement.getString();
    }

    private static String render(String template, Object... namesAndValues) {
        // A HashMap, not Map.of: a template's optional values (a search, an error) are null.
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return render(template, params);
    }

    private static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        TEMPLATES.render(template, params, out);
        return out.toString();
    }
}
