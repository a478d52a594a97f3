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
        assertEquals(18, listed.size(), "the 18 curated roles: " + listed);
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
        assertTrue(none.contains("No role has a name containing “astronaut”."), none);
    }

    @Test
    void theCompareFormTakesAnyNameAndKeepsTheComparedOccupationsTicked() {
        String html = page("/compare?roles=product-manager&add=ICT+product+manager");
        assertTrue(html.contains("<th scope=\"col\"><a href=\"/role/esco:a79170ad-0b7b-4697-864f-1748359aa10a\">ICT product manager</a></th>"), html);
        assertTrue(html.contains("value=\"esco:a79170ad-0b7b-4697-864f-1748359aa10a\" checked"), html);
        assertTrue(html.contains("<input type=\"text\" name=\"add\""), html);
        assertEquals(19, html.split("type=\"checkbox\"", -1).length - 1, "the 18 curated roles and the one compared");
        assertTrue(html.contains("<tr><th scope=\"row\">Linked occupations</th><td><ul><li><a href=\"/role/esco:9f508305-80ce-4111-8722-f2c9b4a44890\">"
                + "product manager</a>, same occupation: 55 skills, 0 tasks"), "the curated product manager's ESCO occupation: " + html);
    }
}
