package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rolegraph.query.Aspect;
import org.rolegraph.query.RoleProfile;
import org.rolegraph.query.RoleSummary;
import org.rolegraph.query.SourceRef;
import org.rolegraph.query.Statement;

/**
 * The templates escape whatever the store holds or a visitor types, where it lands (text or an
 * attribute), and link only what may be linked: a store written through --allow-update, or a search
 * box, must not put markup or script into a page.
 */
class PagesTest {
    private static final String MARKUP = "<img src=x onerror=alert(1)>\"'&";
    private static final SourceRef SOURCE = new SourceRef("https://example.org/source/a", "a", "A \"quoted\" <title>");

    @Test
    void aRolePageEscapesLabelsValuesAndSourceTitles() {
        RoleSummary role = new RoleSummary("x", "https://w3id.org/rolegraph/role/x", MARKUP, null, null);
        RoleProfile profile = new RoleProfile(role, List.of(
                new Statement(Aspect.RESPONSIBILITY, "https://w3id.org/rolegraph/responsibility/r", true, MARKUP, List.of(SOURCE)),
                new Statement(Aspect.EXACT_MATCH, "javascript:alert(1)", true, "javascript:alert(1)", List.of(SOURCE)),
                new Statement(Aspect.CLOSE_MATCH, "http://data.europa.eu/esco/occupation/1", true, "ESCO one", List.of(SOURCE))),
                List.of(), List.of(), List.of(), List.of(), List.of(SOURCE));
        String html = Pages.role(profile);
        assertFalse(html.contains("<img"), html);
        // In text, < > and & are escaped (quotes need not be); in a quoted attribute, quotes, & and < are.
        assertTrue(html.contains("<h1>&lt;img src=x onerror=alert(1)&gt;\"'&amp;</h1>"), html);
        assertTrue(html.contains("title=\"A &#34;quoted&#34; &lt;title>\""), "a source title in an attribute: " + html);
        assertFalse(html.contains("href=\"javascript:"), "only http(s) IRIs become links");
        assertTrue(html.contains("<a href=\"http://data.europa.eu/esco/occupation/1\" rel=\"external\">ESCO one</a>"), html);
        assertEquals(1, html.split("<li id=\"source-1\">", -1).length - 1, "each source listed once");
    }

    @Test
    void marksComeInFootnoteOrderWhateverOrderTheClaimCitesIn() {
        SourceRef second = new SourceRef("https://example.org/source/b", "b", "Second");
        RoleSummary role = new RoleSummary("x", "https://w3id.org/rolegraph/role/x", "X", null, null);
        RoleProfile profile = new RoleProfile(role, List.of(
                new Statement(Aspect.FOCUS, "focus", false, "Focus", List.of(second, SOURCE))),
                List.of(), List.of(), List.of(), List.of(), List.of(SOURCE, second));
        String html = Pages.role(profile);
        // The marks: [1] (the first source listed) before [2], though the claim cites the second first.
        assertTrue(html.matches("(?s).*<li>Focus <sup class=\"src\"><a href=\"#source-1\"[^\\[]*\\[1]</a></sup> "
                + "<sup class=\"src\"><a href=\"#source-2\"[^\\[]*\\[2]</a></sup></li>.*"), html);
    }

    @Test
    void whatAVisitorTypesIsEscapedInTextAndAttributes() {
        String typed = "\"><script>alert(1)</script>";
        String home = Pages.home(List.of(), List.of(), typed, List.of(), 1, 10);
        assertFalse(home.contains("<script>"), home);
        assertTrue(home.contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>\""), home);
        String compare = Pages.compare(List.of(), null, List.of(typed));
        assertFalse(compare.contains("<script>"), compare);
        String notFound = Pages.notFound("There is no role '" + typed + "'.", List.of(typed));
        assertFalse(notFound.contains("<script>"), notFound);
        assertTrue(notFound.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), notFound);
    }
}
