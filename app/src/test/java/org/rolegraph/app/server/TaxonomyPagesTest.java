package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rolegraph.app.EmbeddedData;
import org.rolegraph.ingest.esco.EscoImporter;
import org.rolegraph.ingest.onet.OnetImporter;
import org.rolegraph.model.IriScheme;

/**
 * The pages over a store that holds ESCO and O*NET beside the curated roles (the excerpts: 10 ESCO
 * occupations, 7 O*NET ones), with pages of 4 roles so that paging shows: no page lists every role,
 * the releases are browsed page by page, any name searches, and the compare form takes names.
 */
class TaxonomyPagesTest {

    private static final Path FIXTURES = Path.of("..", "ingest", "src", "test", "resources", "fixtures");
    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph store = EmbeddedData.load(IriScheme.DEFAULT);
        EscoImporter.create().load(store, FIXTURES.resolve("esco-1.1.1"));
        OnetImporter.create().load(store, FIXTURES.resolve("onet-29.3"));
        server = RoleGraphServer.create(store).port(0).pageSize(4).start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String page(String path) {
        var response = Http.send(Http.get(base + path, "Accept", "text/html").build());
        assertEquals(200, response.statusCode(), path);
        return Http.text(response);
    }

    private static List<String> roleLinks(String html) {
        Matcher m = Pattern.compile("<li><a href=\"/role/([^\"]+)\">").matcher(html);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void theHomePageListsTheCuratedRolesAndOffersTheReleasesToBrowseNotTheirOccupations() {
        String home = page("/");
        List<String> listed = roleLinks(home);
        // The 18 curated roles of the first release and the 5 the articles name beside them (account
        // manager, producer, marketing manager, portfolio and product portfolio manager).
        assertEquals(23, listed.size(), "the 23 curated roles: " + listed);
        assertTrue(listed.stream().noneMatch(IriScheme::isImportedRoleId), listed.toString());
        assertTrue(home.contains("<a href=\"/browse?release=esco-1.1.1\">ESCO classification v1.1.1</a>: 10 occupations"), home);
        assertTrue(home.contains("<a href=\"/browse?release=onet-29.3\">O*NET 29.3 Database</a>: 7 occupations"), home);
    }

    @Test
    void aReleaseIsBrowsedPageByPageInLabelOrder() {
        // The excerpt's ten ESCO occupations by English label: ICT product manager, ICT project manager,
        // ICT security administrator, chief marketing officer, marketing manager, product manager, ...
        String first = page("/browse?release=esco-1.1.1");
        assertEquals(4, roleLinks(first).size());
        assertTrue(first.contains("rel=\"next\" href=\"/browse?release=esco-1.1.1&amp;page=2\""), first);
        assertFalse(first.contains("rel=\"prev\""));
        String third = page("/browse?release=esco-1.1.1&page=3");
        assertEquals(2, roleLinks(third).size(), "10 occupations: 4, 4 and 2");
        assertFalse(third.contains("rel=\"next\""));
        java.util.Set<String> all = new java.util.HashSet<>();
        for (int p = 1; p <= 3; p++) {
            all.addAll(roleLinks(page("/browse?release=esco-1.1.1&page=" + p)));
        }
        assertEquals(10, all.size(), "every occupation once");
        assertEquals(404, Http.send(Http.get(base + "/browse?release=esco-9.9", "Accept", "text/html").build()).statusCode());
    }

    @Test
    void aSearchFindsRolesByAnyOfTheirNamesInEveryTaxonomy() {
        String scrum = page("/?q=Scrum+Master");
        // O*NET gives "Scrum Master" as an alternate title of 15-1299.09 only (ESCO v1.1.1 has no such label).
        assertEquals(List.of("onet:15-1299.09"), roleLinks(scrum), "the results alone, not the curated list");
        String none = page("/?q=astronaut");
        assertTrue(none.contains("No role has a name with the words “astronaut”."), none);
    }

    @Test
    void aSearchRanksExactNamesFirstAndTakesWordsInAnyOrder() {
        // "project manager" is the preferred label of ESCO's bea99fea and of the curated project-manager
        // (by label, then IRI: http://data.europa.eu before https://w3id.org), and an alternate title of
        // O*NET 13-1082.00 only (the fixture's Alternate Titles.txt): those three first, in that order.
        List<String> exact = roleLinks(page("/?q=Project+Manager"));
        assertEquals(List.of("esco:bea99fea-0383-4c63-b944-70d4799de2c5", "project-manager", "onet:13-1082.00"), exact.subList(0, 3), exact.toString());
        // Every word at the start of a word of some name, in any order: of the excerpts' names only ICT
        // project manager's hold "manager", "project" and "ict" (checked against the CSV files).
        assertEquals(List.of("esco:8b6388a4-4904-471b-9331-d3b1211f5525"), roleLinks(page("/?q=manager+project+ICT")));
        // A word inside another word is not a match: O*NET 11-3021.00 has "architect" at the start of a
        // word (Enterprise Architecture Manager) and "it" only inside words (its names have no word
        // starting with "it"), so it is not found.
        assertEquals(List.of(), roleLinks(page("/?q=it+architect")));
    }

    @Test
    void theSearchBoxSuggestsTheCuratedRolesNamesWithoutAScript() {
        String home = page("/");
        assertTrue(home.contains("<input type=\"search\" name=\"q\" list=\"role-names\""), home);
        assertTrue(home.contains("<datalist id=\"role-names\"><option value=\"Account manager\"></option>"), home);
        assertEquals(23, home.split("<option value=", -1).length - 1, "one suggestion per curated role");
        assertFalse(home.contains("<script"), "no script");
    }

    @Test
    void theCompareFormTakesAnyNameAndKeepsTheComparedOccupationsTicked() {
        String html = page("/compare?roles=product-manager&add=ICT+product+manager");
        assertTrue(html.contains("<th scope=\"col\"><a href=\"/role/esco:a79170ad-0b7b-4697-864f-1748359aa10a\">ICT product manager</a></th>"), html);
        assertTrue(html.contains("value=\"esco:a79170ad-0b7b-4697-864f-1748359aa10a\" checked"), html);
        assertTrue(html.contains("<input type=\"text\" name=\"add\""), html);
        assertEquals(24, html.split("type=\"checkbox\"", -1).length - 1, "the 23 curated roles and the one compared");
        assertTrue(html.contains("<tr><th scope=\"row\">Linked occupations</th><td><ul><li><a href=\"/role/esco:9f508305-80ce-4111-8722-f2c9b4a44890\">"
                + "product manager</a>, same occupation: 55 skills, 0 tasks"), "the curated product manager's ESCO occupation: " + html);
    }

    private static List<String> groupLinks(String html, String release) {
        Matcher m = Pattern.compile("<li><a href=\"/browse\\?release=" + Pattern.quote(release) + "&amp;group=([^\"]+)\">([^<]+)</a> "
                + "<span class=\"muted\">([0-9,]+) occupations</span>").matcher(html);
        List<String> groups = new java.util.ArrayList<>();
        while (m.find()) {
            groups.add(m.group(2) + " (" + m.group(3) + ")");
        }
        return groups;
    }

    @Test
    void aReleaseIsBrowsedByIscoGroupDownToItsOccupations() {
        // From the excerpt's occupations_en.csv (iscoGroup column) and ISCOGroups_en.csv: eight occupations
        // in ISCO groups 1xxx, two in 2xxx; under 1, groups 12 (1213, 1219, 1221 twice, 1223) and 13 (1330 twice, 1349).
        String release = page("/browse?release=esco-1.1.1");
        assertEquals(List.of("1 Managers (8)", "2 Professionals (2)"), groupLinks(release, "esco-1.1.1"));
        String managers = page("/browse?release=esco-1.1.1&group=1");
        assertEquals(List.of("12 Administrative and commercial managers (5)", "13 Production and specialised services managers (3)"),
                groupLinks(managers, "esco-1.1.1"));
        assertEquals(4, roleLinks(managers).size(), "eight occupations, four a page");
        assertTrue(managers.contains("rel=\"next\" href=\"/browse?release=esco-1.1.1&amp;group=1&amp;page=2\""), managers);
        assertEquals(4, roleLinks(page("/browse?release=esco-1.1.1&group=1&page=2")).size());

        String ict = page("/browse?release=esco-1.1.1&group=1330");
        assertTrue(ict.contains("<h1>1330 Information and communications technology service managers</h1>"), ict);
        assertTrue(ict.contains("<nav class=\"trail\"><a href=\"/browse?release=esco-1.1.1\">ESCO classification v1.1.1</a>"
                + " › <a href=\"/browse?release=esco-1.1.1&amp;group=1\">1 Managers</a>"
                + " › <a href=\"/browse?release=esco-1.1.1&amp;group=13\">13 Production and specialised services managers</a>"
                + " › <a href=\"/browse?release=esco-1.1.1&amp;group=133\">133 Information and communications technology service managers</a>"
                + "</nav>"), ict);
        assertEquals(List.of(), groupLinks(ict, "esco-1.1.1"), "a unit group has occupations, not groups");
        assertEquals(List.of("esco:a79170ad-0b7b-4697-864f-1748359aa10a", "esco:8b6388a4-4904-471b-9331-d3b1211f5525"), roleLinks(ict),
                "ICT product manager and ICT project manager, by label");
        assertEquals(404, Http.send(Http.get(base + "/browse?release=esco-1.1.1&group=9999", "Accept", "text/html").build()).statusCode());
    }

    @Test
    void anOnetReleaseIsBrowsedBySocMajorGroup() {
        // The excerpt's seven O*NET-SOC codes: five 11-, one 13-, one 15-; titles of the 2018 SOC.
        String release = page("/browse?release=onet-29.3");
        assertEquals(List.of("11-0000 Management Occupations (5)", "13-0000 Business and Financial Operations Occupations (1)",
                "15-0000 Computer and Mathematical Occupations (1)"), groupLinks(release, "onet-29.3"));
        assertEquals(List.of("onet:15-1299.09"), roleLinks(page("/browse?release=onet-29.3&group=15-0000")));
    }
}
