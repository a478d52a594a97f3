package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare, similar, chain and query commands, their formats and their errors. */
class QueryCommandsTest {

    @Test
    void compareProductAndDeliveryManagerPrintsATableWithSources() {
        Cli cli = Cli.run("compare", "product-manager", "delivery-manager", "--width", "140");
        assertEquals(0, cli.exitCode(), cli.err());
        String out = cli.out();
        for (String heading : List.of("Definition", "Responsibilities", "Skills", "Education", "Certifications", "Salaries",
                "Shared by all:", "Only Product manager:", "Only Delivery manager:", "Where sources disagree", "Sources")) {
            assertTrue(out.contains(heading), "missing " + heading + "\n" + out);
        }
        // Seed 000's figures, each in its own column of the salaries row.
        List<String> lines = out.lines().toList();
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("Salaries ")).findFirst().orElseThrow());
        List<String> row = new ArrayList<>();
        for (int i = start; i < lines.size() && !lines.get(i).startsWith("---"); i++) {
            row.add(lines.get(i));
        }
        assertTrue(row.stream().anyMatch(l -> cellOf(l, 0).contains("average 98,439 USD per year")), out);
        assertTrue(row.stream().anyMatch(l -> cellOf(l, 1).contains("average 66,214 USD per year")), out);
        assertTrue(out.contains("[1] Product Manager vs. Delivery Manager: What Are the Differences?"), out);
    }

    @Test
    void compareDeliveryAndProjectManagerShowsTheArticlesAspects() {
        Cli cli = Cli.run("compare", "delivery-manager", "project-manager", "--width", "140");
        assertEquals(0, cli.exitCode(), cli.err());
        String out = cli.out();
        // Seed 001's comparison table: ongoing against project-bound work; strategic and operational
        // decisions against tactical and operational ones.
        assertTrue(out.lines().anyMatch(l -> l.matches("Timeframe\\s+\\| - continuous \\[\\d+]\\s+\\| - time-bound .*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("Decision level\\s+\\| - operational \\[\\d+]\\s+\\| - operational .*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+\\| - strategic \\[\\d+]\\s+\\| - tactical .*")), out);
        for (String heading : List.of("Focus", "Scope", "Success measures")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(heading + " ")), heading);
        }
    }

    @Test
    void compareAsJsonHoldsTheSameValuesAsTheTable() throws IOException {
        Cli json = Cli.run("compare", "product-manager", "delivery-manager", "--format", "json");
        Cli table = Cli.run("compare", "product-manager", "delivery-manager", "--width", "1000");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        List<String> tableLines = table.out().lines().toList();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> aspects = root.get("aspects").properties().iterator(); aspects.hasNext(); ) {
            Map.Entry<String, JsonNode> aspect = aspects.next();
            for (int column = 0; column < 2; column++) {
                String role = root.get("roles").get(column).get("id").asText();
                for (JsonNode value : aspect.getValue().get(role)) {
                    StringBuilder marks = new StringBuilder();
                    value.get("sources").forEach(n -> marks.append('[').append(n.asInt()).append(']'));
                    String cell = "- " + value.get("value").asText() + " " + marks;
                    int col = column;
                    assertTrue(tableLines.stream().anyMatch(l -> l.contains("|") && cellOf(l, col).equals(cell)),
                            "table lacks " + cell + " for " + role);
                    checked++;
                }
            }
        }
        assertTrue(checked > 50, "checked " + checked);
        for (JsonNode source : root.get("sources")) {
            assertTrue(table.out().contains("[" + source.get("n").asInt() + "] " + source.get("title").asText()));
        }
        assertEquals(98439, root.get("salaries").get("product-manager").findValues("average").stream()
                .mapToInt(JsonNode::asInt).filter(v -> v == 98439).findFirst().orElse(0));
    }

    private static String cellOf(String line, int column) {
        String[] cells = line.split(" \\|(?: |$)", -1);
        return column + 1 < cells.length ? cells[column + 1].strip() : "";
    }

    @Test
    void compareAsCsvAndMarkdown() throws IOException {
        Cli csv = Cli.run("compare", "delivery-manager", "project-manager", "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        List<Map<String, String>> rows = new ArrayList<>();
        new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(csv.out()).forEachRemaining(rows::add);
        assertTrue(rows.stream().anyMatch(r -> r.get("aspect").equals("Timeframe") && r.get("role").equals("project-manager")
                && r.get("value").equals("time-bound") && r.get("sources").contains("Delivery Manager vs Project Manager")));
        Cli markdown = Cli.run("compare", "delivery-manager", "project-manager", "--format", "markdown");
        assertTrue(markdown.out().startsWith("| Aspect | Delivery manager (delivery-manager) | Project manager (project-manager) |\n| --- | --- | --- |"),
                markdown.out());
    }

    @Test
    void similarAndChainPrintRankedAndOrderedRoles() {
        Cli similar = Cli.run("similar", "project-manager", "--top", "2");
        assertEquals(0, similar.exitCode(), similar.err());
        List<String> lines = similar.out().lines().toList();
        assertEquals(3, lines.size(), similar.out());
        assertTrue(lines.get(1).matches("1\\s+0\\.\\d{3}\\s+\\d+/\\d+\\s+Delivery manager \\(delivery-manager\\)"), lines.get(1));
        Cli chain = Cli.run("chain", "associate-product-manager");
        assertEquals(0, chain.exitCode(), chain.err());
        assertTrue(chain.out().contains("Above: Group product manager (group-product-manager), Product manager (product-manager)"),
                chain.out());
        assertTrue(chain.out().contains("Chief product officer manages Product manager"), chain.out());
    }

    @Test
    void queryRunsCatalogQueriesAndFilesInEveryResultFormat(@TempDir Path dir) throws IOException {
        Cli csv = Cli.run("query", "salaries", "--param", "role=delivery-manager", "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        assertTrue(csv.out().startsWith("role,salary,currency,duration,mean"), csv.out());
        assertTrue(csv.out().contains("66214"), csv.out());
        for (String format : List.of("json", "xml", "tsv", "text")) {
            Cli out = Cli.run("query", "roles", "--format", format);
            assertEquals(0, out.exitCode(), format + ": " + out.err());
            assertTrue(out.out().contains("delivery-manager"), format);
        }
        Path construct = Files.writeString(dir.resolve("labels.rq"), """
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                CONSTRUCT { ?role skos:prefLabel ?label } WHERE { ?role skos:prefLabel ?label FILTER (?role = ?wanted) }
                """);
        Cli turtle = Cli.run("query", construct.toString(), "--param", "wanted=<https://w3id.org/rolegraph/role/product-owner>");
        assertEquals(0, turtle.exitCode(), turtle.err());
        assertTrue(turtle.out().contains("\"Product owner\"@en"), turtle.out());
        Path ask = Files.writeString(dir.resolve("ask.rq"), "ASK { ?s ?p ?o }");
        assertEquals("yes", Cli.run("query", ask.toString()).out().strip());
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.rq"), "SELECT * WHERE {\n  ?s ?p ?o FILTER(\n}\n");
        Cli cli = Cli.run("query", bad.toString());
        assertEquals(1, cli.exitCode());
        assertEquals(bad + ":3:1: syntax error: unexpected '}'", cli.err().strip().replaceFirst("^rolegraph: ", ""));
        // A string never closed: the lexer stops at its opening quote, column 24 of line 2.
        Path lexical = Files.writeString(dir.resolve("lexical.rq"), "# find them\nSELECT * WHERE { ?s ?p \"unclosed }\n");
        Cli unclosed = Cli.run("query", lexical.toString());
        assertEquals(1, unclosed.exitCode());
        assertEquals(lexical + ":2:24: lexical error: unexpected character '\"'", unclosed.err().strip().replaceFirst("^rolegraph: ", ""));
        Path shortQuery = Files.writeString(dir.resolve("short.rq"), "SELECT * WHERE { ?s ?p ?o");
        Cli ends = Cli.run("query", shortQuery.toString());
        assertEquals(1, ends.exitCode());
        // 25 characters: the parser places the end of the input at its last character.
        assertEquals("rolegraph: " + shortQuery + ":1:25: syntax error: the query ends too soon", ends.err().strip());
    }

    @Test
    void badParametersAreRefusedAndNeverRunAsQueryText() {
        // A role is any of its names, looked up as a bound value: this one names no role.
        Cli cli = Cli.run("query", "salaries", "--param", "role=x\" } ; DROP ALL #");
        assertEquals(1, cli.exitCode());
        assertEquals("rolegraph: --param: unknown role 'x\" } ; DROP ALL #'", cli.err().strip());
        Cli unknown = Cli.run("query", "similar", "--param", "person=product-manager");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("this query takes role"), unknown.err());
    }

    @Test
    void aQueryPastTheTimeoutIsCancelledWithAClearMessage(@TempDir Path dir) throws IOException {
        // A cross product of every triple with every triple with every triple: billions of rows.
        Path slow = Files.writeString(dir.resolve("slow.rq"),
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
        Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("query", slow.toString(), "--timeout", "1"));
        assertEquals(3, cli.exitCode());
        assertEquals("rolegraph: query cancelled: it ran longer than the --timeout of 1 s", cli.err().strip());
    }

    @Test
    void anUnreachableEndpointGivesOneLineNamingTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/rolegraph/sparql";
        Cli cli = Cli.run("compare", "product-manager", "delivery-manager", "--endpoint", url);
        assertEquals(3, cli.exitCode());
        List<String> lines = cli.err().lines().toList();
        assertEquals(1, lines.size(), cli.err());
        assertTrue(lines.get(0).startsWith("rolegraph: SPARQL endpoint " + url + ": cannot connect"), lines.get(0));
        assertFalse(cli.err().contains("Exception\n"), cli.err());
    }

    @Test
    void footnoteMarksComeInFootnoteOrder() {
        // The program manager's comparedWith product manager is cited by two sources, numbered 3 and 5.
        for (String[] args : List.of(new String[] {"describe", "program-manager"},
                new String[] {"compare", "program-manager", "product-manager", "--width", "200"},
                new String[] {"compare", "program-manager", "product-manager", "--format", "markdown"})) {
            Cli cli = Cli.run(args);
            assertEquals(0, cli.exitCode(), cli.err());
            java.util.regex.Matcher pair = java.util.regex.Pattern.compile("\\[(\\d+)]\\[(\\d+)]").matcher(cli.out());
            int pairs = 0;
            while (pair.find()) {
                pairs++;
                assertTrue(Integer.parseInt(pair.group(1)) < Integer.parseInt(pair.group(2)),
                        String.join(" ", args) + ": " + pair.group() + " in\n" + cli.out());
            }
            assertTrue(pairs > 0, "some claim has two sources: " + cli.out());
        }
    }

    @Test
    void compareWithOneRoleIsAUsageErrorThatPointsToDescribe() {
        for (String[] args : List.of(new String[] {"compare", "product-manager"},
                new String[] {"compare", "product-manager", "product-manager"})) {
            Cli cli = Cli.run(args);
            assertEquals(2, cli.exitCode(), cli.err());
            assertTrue(cli.err().contains("compare needs two roles or more; to see one role: rolegraph describe product-manager"),
                    cli.err());
        }
    }

    @Test
    void anUnknownCatalogQueryGetsTheNearestNameAndExitCode2() {
        Cli cli = Cli.run("query", "salries");
        assertEquals(2, cli.exitCode(), cli.err());
        assertEquals("rolegraph: 'salries' is neither a catalog query nor a file; did you mean 'salaries'? "
                + "(rolegraph query --list names them all)", cli.err().strip());
    }

    @Test
    void unknownRolesInCompareNameTheClosest() {
        Cli cli = Cli.run("compare", "product-manager", "delivery-manger");
        assertEquals(1, cli.exitCode());
        assertTrue(cli.err().contains("unknown role 'delivery-manger'; closest ids: delivery-manager"), cli.err());
    }
}
