package org.rolegraph.app.server;

import static org.rolegraph.app.server.Html.esc;
import static org.rolegraph.app.server.Html.url;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.rolegraph.query.Aspect;
import org.rolegraph.query.AspectValues;
import org.rolegraph.query.Certification;
import org.rolegraph.query.Comparison;
import org.rolegraph.query.LinkedOccupation;
import org.rolegraph.query.ReleaseSummary;
import org.rolegraph.query.RoleGroup;
import org.rolegraph.query.RoleProfile;
import org.rolegraph.query.RoleSummary;
import org.rolegraph.query.SalaryFigure;
import org.rolegraph.query.SharedItem;
import org.rolegraph.query.SourceRef;
import org.rolegraph.query.Statement;

/** The HTML pages of the server, rendered from the query module's records. */
final class Pages {
    private Pages() {}

    // ---- home ------------------------------------------------------------------------------------

    /**
     * The home page: the curated roles by family, the taxonomy releases to browse, and, for a search,
     * one page of the roles any of whose names contains it. {@code results} holds up to one more than
     * a page, which says whether a next page exists.
     */
    static String home(List<RoleSummary> curated, List<ReleaseSummary> releases, String search, List<RoleSummary> results, int page,
            int pageSize) {
        Map<String, List<RoleSummary>> byFamily = new TreeMap<>();
        for (RoleSummary role : curated) {
            byFamily.computeIfAbsent(role.familyLabel() == null ? "Other roles" : role.familyLabel(), k -> new ArrayList<>()).add(role);
        }
        StringBuilder body = new StringBuilder();
        body.append("<h1>Job roles, and how they differ</h1>\n")
                .append("<p>Product, project, delivery and program managers and the roles around them, as linked data. ")
                .append("Every claim cites the article it comes from. <a href=\"/compare?roles=product-manager,delivery-manager\">")
                .append("Compare a product manager with a delivery manager</a>.</p>\n")
                .append("<form class=\"inline\" method=\"get\" action=\"/\" role=\"search\">")
                .append("<input type=\"search\" name=\"q\" list=\"role-names\" placeholder=\"Search roles by any name\" value=\"")
                .append(esc(search)).append("\" aria-label=\"Search roles\"><button type=\"submit\">Search</button></form>\n")
                .append(nameSuggestions(curated));
        if (results != null) {
            body.append("<section class=\"results\"><h2>Roles named like “").append(esc(search)).append("”</h2>\n");
            if (results.isEmpty()) {
                body.append(page > 1 ? "<p>No more roles.</p>\n" : "<p>No role has a name with the words “" + esc(search) + "”.</p>\n");
            } else {
                body.append(roleList(results.subList(0, Math.min(pageSize, results.size()))));
                body.append(pager("/?q=" + esc(url(search)), page, results.size() > pageSize));
            }
            body.append("</section>\n");
        }
        if (results == null) {
            body.append("<div class=\"families\">\n");
            byFamily.forEach((family, members) -> body.append("<section class=\"family\"><h2>").append(esc(family)).append("</h2>")
                    .append(roleList(members)).append("</section>\n"));
            body.append("</div>\n");
        }
        if (!releases.isEmpty()) {
            body.append("<h2>Taxonomies</h2>\n<ul>\n");
            for (ReleaseSummary release : releases) {
                body.append("<li><a href=\"/browse?release=").append(esc(url(release.id()))).append("\">").append(esc(release.title()))
                        .append("</a>: ").append(String.format(Locale.ROOT, "%,d", release.roles())).append(" occupations</li>\n");
            }
            body.append("</ul>\n");
        }
        return Html.page("Roles", body.toString(), List.of());
    }

    /**
     * A taxonomy release, or one of its groups ({@code group}, null for the whole release): the way up
     * to the release, the groups one level down with their numbers of occupations, and one page of the
     * occupations in it at any depth, by label. {@code roles} holds up to one more than a page.
     */
    static String browse(ReleaseSummary release, RoleGroups groups, RoleGroup group, List<RoleSummary> roles, int page, int pageSize) {
        String releaseLink = "/browse?release=" + esc(url(release.id()));
        StringBuilder body = new StringBuilder();
        if (group == null) {
            body.append("<h1>").append(esc(release.title())).append("</h1>\n");
        } else {
            body.append("<nav class=\"trail\"><a href=\"").append(releaseLink).append("\">").append(esc(release.title())).append("</a>");
            for (RoleGroup above : groups.above(group)) {
                body.append(" › <a href=\"").append(releaseLink).append("&amp;group=").append(esc(url(above.code()))).append("\">")
                        .append(esc(groupTitle(above))).append("</a>");
            }
            body.append("</nav>\n<h1>").append(esc(groupTitle(group))).append("</h1>\n");
        }
        List<RoleGroup> below = groups.below(group);
        if (!below.isEmpty()) {
            body.append("<h2>Groups</h2>\n<ul class=\"groups\">\n");
            for (RoleGroup g : below) {
                body.append("<li><a href=\"").append(releaseLink).append("&amp;group=").append(esc(url(g.code()))).append("\">")
                        .append(esc(groupTitle(g))).append("</a> ")
                        .append(String.format(Locale.ROOT, "<span class=\"muted\">%,d occupations</span></li>%n", g.roles()));
            }
            body.append("</ul>\n");
        }
        long total = group == null ? release.roles() : group.roles();
        body.append("<h2>Occupations</h2>\n")
                .append(String.format(Locale.ROOT, "<p class=\"muted\">%,d occupations, %d a page; page %d.</p>%n", total, pageSize, page));
        body.append(roleList(roles.subList(0, Math.min(pageSize, roles.size()))));
        body.append(pager(releaseLink + (group == null ? "" : "&amp;group=" + esc(url(group.code()))), page, roles.size() > pageSize));
        return Html.page(group == null ? release.title() : groupTitle(group), body.toString(), List.of());
    }

    private static String groupTitle(RoleGroup group) {
        return group.name() == null ? group.code() : group.code() + " " + group.name();
    }

    /**
     * The curated roles' names as suggestions the browser offers while one types (a datalist: no
     * script); the thousands of imported names are found by the search itself.
     */
    private static String nameSuggestions(List<RoleSummary> curated) {
        StringBuilder list = new StringBuilder("<datalist id=\"role-names\">");
        curated.stream().map(RoleSummary::label).distinct().sorted()
                .forEach(label -> list.append("<option value=\"").append(esc(label)).append("\"></option>"));
        return list.append("</datalist>\n").toString();
    }

    private static String roleList(List<RoleSummary> roles) {
        StringBuilder list = new StringBuilder("<ul>\n");
        for (RoleSummary role : roles) {
            list.append("<li><a href=\"/role/").append(esc(role.id())).append("\">").append(esc(role.label())).append("</a></li>\n");
        }
        return list.append("</ul>\n").toString();
    }

    /** Links to the previous and next pages; {@code base} is already escaped for HTML. */
    private static String pager(String base, int page, boolean more) {
        if (page <= 1 && !more) {
            return "";
        }
        StringBuilder links = new StringBuilder("<p class=\"pager\">");
        if (page > 1) {
            links.append("<a rel=\"prev\" href=\"").append(base).append("&amp;page=").append(page - 1).append("\">Previous page</a> ");
        }
        if (more) {
            links.append("<a rel=\"next\" href=\"").append(base).append("&amp;page=").append(page + 1).append("\">Next page</a>");
        }
        return links.append("</p>\n").toString();
    }

    // ---- role ------------------------------------------------------------------------------------

    static String role(RoleProfile profile) {
        Map<String, Integer> notes = footnotes(profile.sources());
        RoleSummary role = profile.role();
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(esc(role.label())).append("</h1>\n")
                .append("<p class=\"iri\">").append(esc(role.iri())).append("</p>\n")
                .append("<p class=\"downloads\">Download: <a href=\"/role/").append(esc(role.id())).append("?format=ttl\">Turtle</a>")
                .append("<a href=\"/role/").append(esc(role.id())).append("?format=jsonld\">JSON-LD</a>")
                .append("<a href=\"/role/").append(esc(role.id())).append("?format=nt\">N-Triples</a>")
                .append(" · <a href=\"/compare?roles=").append(esc(url(role.id()))).append("\">Compare with…</a></p>\n");
        for (Aspect aspect : Aspect.values()) {
            if (aspect == Aspect.CERTIFICATION) {
                if (!profile.certifications().isEmpty()) {
                    body.append("<h2>Certifications</h2>\n<ul class=\"claims\">\n");
                    for (Certification c : profile.certifications()) {
                        body.append("<li>").append(esc(c.name())).append(", granted by ").append(esc(c.bodyName()))
                                .append(c.bodyAbbreviation() == null ? "" : " (" + esc(c.bodyAbbreviation()) + ")")
                                .append(marks(c.sources(), notes)).append("</li>\n");
                    }
                    body.append("</ul>\n");
                }
                continue;
            }
            List<Statement> statements = profile.statements(aspect);
            if (!statements.isEmpty()) {
                body.append("<h2>").append(esc(aspect.title())).append("</h2>\n<ul class=\"claims\">\n");
                for (Statement s : statements) {
                    body.append("<li>").append(value(s)).append(marks(s.sources(), notes)).append("</li>\n");
                }
                body.append("</ul>\n");
            }
            if (aspect == Aspect.WORK_ENVIRONMENT && !profile.salaries().isEmpty()) {
                body.append("<h2>Salaries</h2>\n<p class=\"muted\">Each as its source gives it; never averaged together.</p>\n")
                        .append("<ul class=\"claims\">\n");
                for (SalaryFigure s : profile.salaries()) {
                    body.append("<li>").append(esc(salary(s))).append(marks(List.of(s.source()), notes)).append("</li>\n");
                }
                body.append("</ul>\n");
            }
        }
        for (LinkedOccupation linked : profile.linked()) {
            RoleSummary occupation = linked.occupation();
            body.append("<h2>From <a href=\"/role/").append(esc(occupation.id())).append("\">").append(esc(occupation.label()))
                    .append("</a></h2>\n<p class=\"muted\">").append(linked.exact() ? "The same occupation" : "A close occupation")
                    .append(" in a taxonomy; what follows is the taxonomy's, credited to it.</p>\n");
            for (Aspect aspect : List.of(Aspect.ALTERNATIVE_LABEL, Aspect.RESPONSIBILITY, Aspect.SKILL)) {
                List<Statement> statements = linked.statements(aspect);
                if (!statements.isEmpty()) {
                    body.append("<h3>").append(esc(aspect.title())).append("</h3>\n<ul class=\"claims\">\n");
                    for (Statement st : statements) {
                        body.append("<li>").append(esc(st.label())).append(marks(st.sources(), notes)).append("</li>\n");
                    }
                    body.append("</ul>\n");
                }
            }
        }
        body.append(sources(profile.sources(), notes));
        return Html.page(role.label(), body.toString(), List.of(
                new String[] {"text/turtle", "/role/" + role.id() + "?format=ttl"},
                new String[] {"application/ld+json", "/role/" + role.id() + "?format=jsonld"}));
    }

    /** An IRI value links to its page when it is one of ours, or out when it is ESCO's or O*NET's. */
    private static String value(Statement s) {
        if (!s.iri()) {
            return esc(s.label());
        }
        String id = roleIdOf(s.value());
        if (id != null) {
            return "<a href=\"/role/" + esc(id) + "\">" + esc(s.label()) + "</a>";
        }
        if (s.aspect() == Aspect.EXACT_MATCH || s.aspect() == Aspect.CLOSE_MATCH || s.aspect() == Aspect.OCCUPATIONAL_CATEGORY) {
            String shown = s.label().equals(s.value()) ? s.value() : s.label();
            return "<a href=\"" + esc(s.value()) + "\" rel=\"external\">" + esc(shown) + "</a>";
        }
        return esc(s.label());
    }

    private static String roleIdOf(String iri) {
        int at = iri.indexOf("/role/");
        return at < 0 || iri.contains("#") ? null : iri.substring(at + "/role/".length());
    }

    static String salary(SalaryFigure s) {
        return s.summary();
    }

    private static Map<String, Integer> footnotes(List<SourceRef> sources) {
        Map<String, Integer> notes = new LinkedHashMap<>();
        sources.forEach(s -> notes.put(s.iri(), notes.size() + 1));
        return notes;
    }

    private static String marks(List<SourceRef> sources, Map<String, Integer> notes) {
        return sources.stream().map(s -> " <sup class=\"src\"><a href=\"#source-" + notes.get(s.iri()) + "\" title=\""
                + esc(s.title()) + "\">[" + notes.get(s.iri()) + "]</a></sup>").collect(Collectors.joining());
    }

    private static String sources(List<SourceRef> sources, Map<String, Integer> notes) {
        StringBuilder out = new StringBuilder("<h2>Sources</h2>\n<ol class=\"sources\">\n");
        for (SourceRef source : sources) {
            out.append("<li id=\"source-").append(notes.get(source.iri())).append("\">").append(esc(source.title()))
                    .append(" <span class=\"iri\">").append(esc(source.iri())).append("</span></li>\n");
        }
        return out.append("</ol>\n").toString();
    }

    // ---- compare ---------------------------------------------------------------------------------

    static String compare(List<RoleSummary> all, Comparison comparison, List<String> chosen) {
        StringBuilder body = new StringBuilder("<h1>Compare roles</h1>\n");
        // The curated roles to tick, and the roles already compared; any other role (of thousands of
        // imported occupations) is added by name, so the form stays one screen whatever the store holds.
        List<RoleSummary> offered = new ArrayList<>(all);
        if (comparison != null) {
            comparison.roles().stream().filter(r -> offered.stream().noneMatch(o -> o.id().equals(r.id()))).forEach(offered::add);
        }
        List<String> chosenIds = comparison == null ? chosen : comparison.roles().stream().map(RoleSummary::id).toList();
        body.append("<form method=\"get\" action=\"/compare\"><p>Pick two or more roles:</p><div class=\"checks\">\n");
        for (RoleSummary role : offered) {
            body.append("<label><input type=\"checkbox\" name=\"roles\" value=\"").append(esc(role.id())).append("\"")
                    .append(chosenIds.contains(role.id()) ? " checked" : "").append("> ").append(esc(role.label()))
                    .append("</label>\n");
        }
        body.append("</div><p><label>Or add roles by any name (ESCO or O*NET occupations too), comma-separated: ")
                .append("<input type=\"text\" name=\"add\" placeholder=\"ICT product manager, 15-1299.09\"></label></p>\n")
                .append("<button type=\"submit\" id=\"compare\">Compare</button></form>\n");
        if (comparison == null) {
            return Html.page("Compare roles", body.toString(), List.of());
        }
        Map<String, Integer> notes = footnotes(comparison.sources());
        Set<String> shared = comparison.sharedAndUnique().shared().stream().map(SharedItem::iri).collect(Collectors.toSet());
        Set<String> unique = new java.util.HashSet<>();
        comparison.sharedAndUnique().unique().values().forEach(items -> items.forEach(i -> unique.add(i.iri())));
        body.append("<p class=\"legend\"><span class=\"shared\">shared by all</span><span class=\"unique\">only this role</span>")
                .append("<a href=\"/compare?roles=").append(esc(url(String.join(",", chosen)))).append("&amp;format=json\">JSON</a></p>\n");
        body.append("<div class=\"table-wrap\"><table class=\"compare\" id=\"comparison\">\n<thead><tr><th>Aspect</th>");
        for (RoleSummary role : comparison.roles()) {
            body.append("<th scope=\"col\"><a href=\"/role/").append(esc(role.id())).append("\">").append(esc(role.label()))
                    .append("</a></th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (AspectValues aspect : comparison.aspects()) {
            body.append("<tr><th scope=\"row\">").append(esc(aspect.aspect().title())).append("</th>");
            for (RoleSummary role : comparison.roles()) {
                body.append("<td><ul>");
                for (Statement s : aspect.byRole().get(role.id())) {
                    String css = shared.contains(s.value()) ? " class=\"shared\"" : unique.contains(s.value()) ? " class=\"unique\"" : "";
                    body.append("<li").append(css).append(">").append(value(s)).append(marks(s.sources(), notes)).append("</li>");
                }
                body.append("</ul></td>");
            }
            body.append("</tr>\n");
            if (aspect.aspect() == Aspect.WORK_ENVIRONMENT) {
                body.append(salaryRow(comparison, notes));
            }
        }
        if (comparison.aspects().stream().noneMatch(a -> a.aspect() == Aspect.WORK_ENVIRONMENT)) {
            body.append(salaryRow(comparison, notes));
        }
        if (comparison.linked().values().stream().anyMatch(l -> !l.isEmpty())) {
            body.append("<tr><th scope=\"row\">Linked occupations</th>");
            for (RoleSummary role : comparison.roles()) {
                body.append("<td><ul>");
                for (LinkedOccupation linked : comparison.linked().get(role.id())) {
                    List<SourceRef> from = linked.statements().stream().flatMap(st -> st.sources().stream()).distinct().toList();
                    body.append("<li><a href=\"/role/").append(esc(linked.occupation().id())).append("\">")
                            .append(esc(linked.occupation().label())).append("</a>, ").append(linked.exact() ? "same" : "close")
                            .append(" occupation: ").append(linked.statements(Aspect.SKILL).size()).append(" skills, ")
                            .append(linked.statements(Aspect.RESPONSIBILITY).size()).append(" tasks")
                            .append(marks(from, notes)).append("</li>");
                }
                body.append("</ul></td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
        if (!comparison.disagreements().isEmpty()) {
            body.append("<h2>Where sources disagree</h2>\n<ul>\n");
            for (var d : comparison.disagreements()) {
                String role = comparison.roles().stream().filter(r -> r.id().equals(d.roleId())).map(RoleSummary::label)
                        .findFirst().orElse(d.roleId());
                String aspect = d.aspect().endsWith("#mean") ? "average salary" : d.aspect().endsWith("median") ? "median salary"
                        : d.aspect().substring(d.aspect().lastIndexOf('#') + 1);
                String unit = d.currency() == null ? "" : " " + d.currency() + " " + SalaryFigure.perPeriod(d.period());
                body.append("<li>").append(esc(role)).append(", ").append(esc(aspect)).append(": ").append(esc(figure(d.value1())))
                        .append(esc(unit)).append(marks(List.of(d.source1()), notes)).append(" vs ").append(esc(figure(d.value2())))
                        .append(esc(unit)).append(marks(List.of(d.source2()), notes)).append("</li>\n");
            }
            body.append("</ul>\n");
        }
        body.append(sources(comparison.sources(), notes));
        String title = comparison.roles().stream().map(RoleSummary::label).collect(Collectors.joining(" vs "));
        return Html.page(title, body.toString(), List.<String[]>of(new String[] {"application/json",
            "/compare?roles=" + url(String.join(",", chosen)) + "&format=json"}));
    }

    private static String figure(String value) {
        try {
            return SalaryFigure.number(new java.math.BigDecimal(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String salaryRow(Comparison comparison, Map<String, Integer> notes) {
        StringBuilder row = new StringBuilder("<tr class=\"salaries\"><th scope=\"row\">Salaries</th>");
        for (RoleSummary role : comparison.roles()) {
            row.append("<td><ul>");
            for (SalaryFigure s : comparison.salaries().get(role.id())) {
                row.append("<li>").append(esc(salary(s))).append(marks(List.of(s.source()), notes)).append("</li>");
            }
            row.append("</ul></td>");
        }
        return row.append("</tr>\n").toString();
    }

    // ---- sparql ----------------------------------------------------------------------------------

    static String sparql(String query, String results, String error, Map<String, String> examples) {
        StringBuilder body = new StringBuilder("<h1>SPARQL</h1>\n")
                .append("<p>The endpoint is <code>/rolegraph/sparql</code> (SPARQL 1.1 Query Protocol, GET and POST; ")
                .append("results as JSON, XML, CSV or TSV by <code>Accept</code>). The default graph is the union of ")
                .append("every source's named graph; <code>GRAPH ?g</code> shows which source says what.</p>\n")
                .append("<form method=\"get\" action=\"/sparql\"><textarea name=\"query\" aria-label=\"SPARQL query\">")
                .append(esc(query)).append("</textarea><p><button type=\"submit\">Run</button></p></form>\n");
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(esc(error)).append("</p>\n");
        }
        if (results != null) {
            body.append(results);
        }
        body.append("<h2>Examples from the catalog</h2>\n<ul>\n");
        examples.forEach((name, summary) -> body.append("<li><a href=\"/sparql?example=").append(esc(url(name))).append("\">")
                .append(esc(name)).append("</a>: ").append(esc(summary)).append("</li>\n"));
        body.append("</ul>\n");
        return Html.page("SPARQL", body.toString(), List.of());
    }

    // ---- ontology, downloads, errors -------------------------------------------------------------

    static String ontology(Model ontology) {
        StringBuilder body = new StringBuilder("<h1>The RoleGraph ontology</h1>\n");
        Resource header = ontology.getResource(org.rolegraph.model.RG.ONTOLOGY_IRI);
        body.append("<p>").append(esc(text(header, RDFS.comment))).append("</p>\n")
                .append("<p class=\"downloads\"><a href=\"/ontology?format=ttl\">Turtle</a><a href=\"/ontology?format=jsonld\">JSON-LD</a>")
                .append("<a href=\"/context.jsonld\">JSON-LD context</a><a href=\"/shapes.ttl\">SHACL shapes</a></p>\n");
        for (Resource kind : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)) {
            body.append("<h2>").append(kind.equals(OWL.Class) ? "Classes" : kind.equals(OWL.ObjectProperty) ? "Object properties"
                    : "Datatype properties").append("</h2>\n<dl>\n");
            ontology.listSubjectsWithProperty(RDF.type, kind).toList().stream()
                    .filter(r -> r.getURI().startsWith(org.rolegraph.model.RG.NS))
                    .sorted(java.util.Comparator.comparing(Resource::getURI))
                    .forEach(term -> {
                        body.append("<dt id=\"").append(esc(term.getLocalName())).append("\"><code>rg:").append(esc(term.getLocalName()))
                                .append("</code> ").append(esc(text(term, RDFS.label))).append("</dt>\n<dd>").append(esc(text(term, RDFS.comment)));
                        org.apache.jena.rdf.model.Statement domain = term.getProperty(RDFS.domain);
                        org.apache.jena.rdf.model.Statement range = term.getProperty(RDFS.range);
                        if (domain != null) {
                            body.append("<br><span class=\"muted\">domain ").append(esc(shortName(ontology, domain.getResource())))
                                    .append(", range ").append(esc(shortName(ontology, range.getResource()))).append("</span>");
                        }
                        body.append("</dd>\n");
                    });
            body.append("</dl>\n");
        }
        return Html.page("Ontology", body.toString(), List.<String[]>of(new String[] {"text/turtle", "/ontology?format=ttl"}));
    }

    private static String text(Resource resource, org.apache.jena.rdf.model.Property property) {
        org.apache.jena.rdf.model.Statement statement = resource.getProperty(property);
        return statement == null ? "" : statement.getString();
    }

    private static String shortName(Model model, Resource resource) {
        return model.shortForm(resource.getURI());
    }

    static String downloads() {
        String body = """
                <h1>Downloads</h1>
                <p>The whole data set, with VoID/DCAT metadata. Files are byte-identical for the same data.</p>
                <ul class="downloads">
                <li><a href="/download/rolegraph.ttl">rolegraph.ttl</a>: Turtle, the union of every source</li>
                <li><a href="/download/rolegraph.jsonld">rolegraph.jsonld</a>: JSON-LD with RoleGraph's context embedded</li>
                <li><a href="/download/rolegraph.trig">rolegraph.trig</a>: TriG, each source in its own named graph</li>
                <li><a href="/download/rolegraph.nq">rolegraph.nq</a>: N-Quads, each source in its own named graph</li>
                <li><a href="/ontology?format=ttl">ontology (Turtle)</a>, <a href="/context.jsonld">JSON-LD context</a>,
                <a href="/shapes.ttl">SHACL shapes</a></li>
                </ul>
                """;
        return Html.page("Downloads", body, List.of());
    }

    static String notFound(String what, List<String> closest) {
        StringBuilder body = new StringBuilder("<h1>Not found</h1>\n<p>").append(esc(what)).append("</p>\n");
        if (!closest.isEmpty()) {
            body.append("<p>Closest roles:</p><ul>\n");
            closest.forEach(id -> body.append("<li><a href=\"/role/").append(esc(id)).append("\">").append(esc(id))
                    .append("</a></li>\n"));
            body.append("</ul>\n");
        }
        body.append("<p><a href=\"/\">All roles</a></p>\n");
        return Html.page("Not found", body.toString(), List.of());
    }
}
