package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolegraph.model.IriScheme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A newcomer's first hour (issue 15): each stumble of writing role data and using the commands, through
 * Main, with the exact message and exit code the user sees.
 */
class NewcomerTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    private static final String[] HEAD = {"format: rolegraph/1", "defaultSource: my-notes", "sources:", "  - id: my-notes",
        "    title: My notes", "roles:", "  - id: growth-pm", "    label: Growth product manager"};

    private Path withHead(String name, String... rest) throws IOException {
        return write(name, java.util.stream.Stream.concat(java.util.Arrays.stream(HEAD), java.util.Arrays.stream(rest))
                .toArray(String[]::new));
    }

    // ---- writing role data ------------------------------------------------------------------------

    @Test
    void theFormatDocsExampleValidatesAndIngestsBesideTheCuratedData() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "role-data-format.md"));
        int start = doc.indexOf("```yaml\n", doc.indexOf("## Example")) + "```yaml\n".length();
        Path example = Files.writeString(dir.resolve("example.yaml"), doc.substring(start, doc.indexOf("```", start)));
        Cli validate = Cli.run("validate", example.toString());
        assertEquals(0, validate.exitCode(), validate.err());
        Cli ingest = Cli.run("ingest", example.toString());
        assertEquals(0, ingest.exitCode(), ingest.err());
        assertTrue(ingest.out().startsWith("ingested 1 file: 6 entries, "), ingest.out());
    }

    @Test
    void aFileThatWouldTakeAnotherFilesClaimsOutOfItsSourceGraphIsRefusedInOneSentence() throws IOException {
        // The curated graph of product-vs-delivery-manager also holds four organizations, their four
        // credentials and product manager (data/sources/product-vs-delivery-manager.yaml): this file
        // mentions delivery manager only.
        Path file = write("borrowed-source.yaml", "format: rolegraph/1", "defaultSource: product-vs-delivery-manager",
                "sources:", "  - id: product-vs-delivery-manager",
                "    title: A source id borrowed from the curated data", "roles:",
                "  - id: delivery-manager", "    focus:", "      - {text: Keeping client deliveries on time}");
        String expected = file + ":4:5: source 'product-vs-delivery-manager' is already in the store with claims about 9 "
                + "entries these files do not mention (role 'product-manager', credential 'asq-certification', credential "
                + "'cscmp-certification', …): ingesting them would replace its graph and lose those claims, so give your "
                + "source an id of its own, or ingest these files together with the ones that hold those claims (or drop "
                + "them on purpose with --replace)\n1 problem in 1 file; nothing was written\n";
        for (String command : List.of("validate", "ingest")) {
            Cli cli = Cli.run(command, file.toString());
            assertEquals(1, cli.exitCode(), cli.err());
            assertEquals(expected, cli.err());
        }
        Cli replaced = Cli.run("ingest", "--replace", file.toString());
        assertEquals(0, replaced.exitCode(), replaced.err());
    }

    @Test
    void ingestingTheSameFilesAgainIsNeverRefused(@TempDir Path store) {
        assertEquals(0, Cli.run("ingest", "-q", "--store", store.toString(), Path.of("..", "data").toString()).exitCode());
        Cli again = Cli.run("ingest", "-q", "--store", store.toString(), Path.of("..", "data").toString());
        assertEquals(0, again.exitCode(), again.err());
    }

    @Test
    void validateChecksAFileAgainstTheCuratedDataUnlessAStoreIsGiven(@TempDir Path empty) {
        Path leaning = Path.of("src", "test", "resources", "fixtures", "leans-on-curated-roles.yaml");
        Cli cli = Cli.run("validate", leaning.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().startsWith("ok: validated 1 file: 2 entries, "), cli.out());
        // A store that holds none of the curated data: the references do not resolve there.
        Cli inStore = Cli.run("validate", "--store", createdStore(empty).toString(), leaning.toString());
        assertEquals(1, inStore.exitCode(), inStore.err());
        assertTrue(inStore.err().contains(leaning + ":14:15: unknown role 'product-manager': not declared in these files "
                + "nor in the store"), inStore.err());
    }

    @Test
    void validateChecksAFileAgainstWhatAnEndpointHoldsAndWritesNothingThere() {
        Path leaning = Path.of("src", "test", "resources", "fixtures", "leans-on-curated-roles.yaml");
        org.apache.jena.fuseki.main.FusekiServer server = org.rolegraph.app.server.RoleGraphServer
                .create(EmbeddedData.load(IriScheme.DEFAULT)).port(0).start();
        try {
            String endpoint = "http://127.0.0.1:" + server.getHttpPort() + "/rolegraph/sparql";
            Cli cli = Cli.run("validate", "--endpoint", endpoint, leaning.toString());
            assertEquals(0, cli.exitCode(), cli.err());
            assertTrue(cli.out().startsWith("ok: validated 1 file: 2 entries, "), cli.out());
            Cli describe = Cli.run("describe", "--endpoint", endpoint, "product-team-lead");
            assertEquals(1, describe.exitCode(), "the role was only validated, never written: " + describe.out());
        } finally {
            server.stop();
        }
    }

    /** A TDB2 store holding one small file of its own. */
    private Path createdStore(Path parent) {
        Path store = parent.resolve("store");
        Cli ingest = Cli.run("ingest", "-q", "--store", store.toString(),
                Path.of("..", "ingest", "src", "test", "resources", "fixtures", "good", "base.yaml").toString());
        assertEquals(0, ingest.exitCode(), ingest.err());
        return store;
    }

    @Test
    void anUnknownFieldGetsTheNameItIsNearest() throws IOException {
        Path file = withHead("typo.yaml", "    responsibilites:", "      - {ref: develop-product-roadmap}");
        Cli cli = Cli.run("validate", file.toString());
        assertEquals(1, cli.exitCode());
        assertEquals(file + ":9:5: unknown field 'responsibilites' in role: did you mean 'responsibilities'?\n"
                + "1 problem in 1 file; nothing was written\n", cli.err());
    }

    @Test
    void yamlSyntaxErrorsAreSaidInPlainWordsAtTheLineThatIsWrong() throws IOException {
        // The item on line 11 is indented deeper than its list's first item: SnakeYAML's own place is the
        // end of line 10, its words "expected <block end>, but found '-'".
        Path overIndented = withHead("over-indented.yaml", "    focus:", "      - text: growth",
                "        - text: retention");
        assertSyntax(overIndented, 11, 9, "a list item ('- ') indented differently from the lines above it: start it "
                + "in the column of the other items of its list");
        Path tab = write("tab.yaml", "format: rolegraph/1", "sources:", "  - id: my-notes", "\ttitle: My notes");
        assertSyntax(tab, 4, 1, "a tab character: indent with spaces (YAML does not allow tabs in indentation)");
        Path key = withHead("key.yaml", "     family: product-management");
        assertSyntax(key, 9, 12, "unexpected ':': this line is indented deeper than the key above it (keys of one entry "
                + "start in the same column), or it is a value that holds ': ' and needs quotes");
        Path quote = write("quote.yaml", "format: rolegraph/1", "sources:", "  - id: my-notes", "    title: \"My notes",
                "roles: []");
        assertSyntax(quote, 4, 12, "a quoted value that is never closed: end it with the quote it starts with");
    }

    private static void assertSyntax(Path file, int line, int column, String message) {
        Cli cli = Cli.run("validate", file.toString());
        assertEquals(1, cli.exitCode());
        assertEquals(file + ":" + line + ":" + column + ": " + message + "\n1 problem in 1 file; nothing was written\n",
                cli.err());
    }

    @Test
    void twentyFiveClaimsWithoutASourceAreOneProblemWithTheCountAndLines() throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of("format: rolegraph/1", "sources:", "  - id: my-notes",
                "    title: My notes", "roles:", "  - id: growth-pm", "    label: Growth product manager",
                "    source: my-notes", "    focus:"));
        IntStream.rangeClosed(1, 25).forEach(i -> lines.add("      - {text: focus " + i + "}"));
        Path file = Files.write(dir.resolve("no-source.yaml"), lines);
        Cli cli = Cli.run("validate", file.toString());
        assertEquals(1, cli.exitCode());
        assertEquals(file + ":10:9: no source: give 'source' or set 'defaultSource' at the top of the file (25 times: "
                + "lines 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, …)\n1 problem in 1 file; nothing was written\n",
                cli.err());
    }

    @Test
    void theIdSuggestedForABadIdIsAValidId() throws IOException {
        Path file = write("bad-id.yaml", "format: rolegraph/1", "defaultSource: my-notes", "sources:", "  - id: my-notes",
                "    title: My notes", "roles:", "  - id: Growth_PM", "    label: Growth product manager");
        Cli cli = Cli.run("validate", file.toString());
        assertEquals(1, cli.exitCode());
        assertEquals(file + ":7:9: 'Growth_PM' is not a valid id in 'id': use lower-case kebab-case, such as 'growth-pm'\n"
                + "1 problem in 1 file; nothing was written\n", cli.err());
    }

    @Test
    void newRoleWritesATemplateThatValidatesAsItIsAndWithEveryFieldFilledIn() throws IOException {
        Path file = dir.resolve("growth.yaml");
        Cli cli = Cli.run("new", "role", "growth-product-manager", "-o", file.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals("wrote " + file + ": check it with 'rolegraph validate " + file + "'\n", cli.out());
        Cli validate = Cli.run("validate", file.toString());
        assertEquals(0, validate.exitCode(), validate.err());
        String template = Files.readString(file);
        assertTrue(template.contains("    label: \"Growth product manager\"\n"), template);
        // Every commented field, uncommented, is valid role data that refers to curated entries.
        Path filled = Files.writeString(dir.resolve("filled.yaml"), template.replaceAll("(?m)^( +)# ", "$1"));
        Cli all = Cli.run("validate", filled.toString());
        assertEquals(0, all.exitCode(), all.err() + "\n" + Files.readString(filled));
        assertTrue(all.out().startsWith("ok: validated 1 file: 2 entries, "), all.out());
    }

    @Test
    void newRoleNeverOverwritesAFileAndRefusesABadOrCuratedId() throws IOException {
        Path existing = write("mine.yaml", "keep me");
        Cli again = Cli.run("new", "role", "growth-product-manager", "-o", existing.toString());
        assertEquals(1, again.exitCode());
        assertEquals("rolegraph: " + existing + " already exists: give -o FILE to write elsewhere\n", again.err());
        assertEquals("keep me\n", Files.readString(existing));
        Cli bad = Cli.run("new", "role", "Growth_PM", "-o", dir.resolve("x.yaml").toString());
        assertEquals(2, bad.exitCode());
        assertEquals("rolegraph: 'Growth_PM' is not a valid id: use lower-case kebab-case, such as 'growth-pm'\n", bad.err());
        Cli curated = Cli.run("new", "role", "product-manager", "-o", dir.resolve("y.yaml").toString());
        assertEquals(2, curated.exitCode());
        assertEquals("rolegraph: 'product-manager' is already a role of the curated data (Product manager): choose another "
                + "id; to add claims to it, write an entry with its id and no label (docs/role-data-format.md)\n", curated.err());
        assertFalse(Files.exists(dir.resolve("x.yaml")) || Files.exists(dir.resolve("y.yaml")));
    }

    @Test
    void aDirectoryWithoutRoleDataIsAnErrorNotAnEmptyBatch() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("notes"));
        write("notes/readme.txt", "not role data");
        Cli cli = Cli.run("validate", empty.toString());
        assertEquals(1, cli.exitCode());
        assertEquals("rolegraph: " + empty + ": no role-data files in this directory (.yaml, .yml, .json or .csv)\n", cli.err());
    }

    // ---- using the commands -----------------------------------------------------------------------

    @Test
    void readCommandsListOnlyTheOptionsTheyUse() {
        for (String read : List.of("roles", "describe", "compare", "similar", "chain", "query", "export", "validate")) {
            String help = Cli.run(read, "--help").out();
            assertFalse(help.contains("--gsp") || help.contains("--update"), read + "\n" + help);
            assertFalse(help.contains("an ingest creates it"), read + "\n" + help);
        }
        for (Cli write : List.of(Cli.run("ingest", "--help"), Cli.run("import", "esco", "--help"))) {
            assertTrue(write.out().contains("--gsp=URL") && write.out().contains("--update=URL"), write.out());
        }
    }

    @Test
    void queryPrintsPlainValuesAndLabelsOneBlockPerRowWhenTheTableIsTooWide() {
        Cli cli = Cli.run("query", "salaries", "--param", "role=delivery-manager");
        assertEquals(0, cli.exitCode(), cli.err());
        // The one salary of data/sources/product-vs-delivery-manager.yaml for delivery manager.
        assertEquals(String.join("\n",
                "[1]",
                "role          Delivery manager (delivery-manager)",
                "salary        delivery-manager#salary-product-vs-delivery-manager-1",
                "currency      USD",
                "duration      P1Y",
                "mean          66214",
                "note          Average; the article says it varies with company size, location and prior experience.",
                "source        source/product-vs-delivery-manager",
                "sourceTitle   Product Manager vs. Delivery Manager: What Are the Differences?",
                "",
                "1 row", ""), cli.out());
        Cli narrow = Cli.run("query", "certifications", "--param", "role=Delivery Manager");
        assertEquals(0, narrow.exitCode(), narrow.err());
        assertFalse(narrow.out().contains("\"") || narrow.out().contains("@en") || narrow.out().contains("<http"), narrow.out());
    }

    @Test
    void aNarrowAnswerIsATableWithAHeaderAndARuleAndOntologyTermsByTheirLabels() throws IOException {
        Path query = write("timeframes.rq", "PREFIX rg: <https://w3id.org/rolegraph/ontology#>",
                "SELECT DISTINCT ?role ?timeframe WHERE {",
                "  VALUES ?role { <https://w3id.org/rolegraph/role/delivery-manager> <https://w3id.org/rolegraph/role/project-manager> }",
                "  GRAPH ?g { ?role rg:timeframe ?timeframe }", "} ORDER BY ?role");
        Cli cli = Cli.run("query", query.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        // Timeframes of data/sources/learnerskart-delivery-vs-project-manager.yaml: continuous delivery, time-bound projects.
        assertEquals(String.join("\n",
                "role" + " ".repeat(31) + "  timeframe",
                "-".repeat("Delivery manager (delivery-manager)".length()) + "  " + "-".repeat("continuous (ontology#Continuous)".length()),
                "Delivery manager (delivery-manager)  continuous (ontology#Continuous)",
                "Project manager (project-manager)    time-bound (ontology#TimeBound)",
                "2 rows", ""), cli.out());
    }

    @Test
    void anUnknownRoleInAQueryParameterIsAnErrorNamingTheNearestIds() {
        Cli cli = Cli.run("query", "salaries", "--param", "role=delivery-manger");
        assertEquals(1, cli.exitCode());
        assertEquals("rolegraph: --param: unknown role 'delivery-manger'; closest ids: delivery-manager, service-manager\n",
                cli.err());
    }

    @Test
    void rolesComesAsTextCsvJsonAndMarkdownWithTheSameRoles() throws IOException {
        Cli text = Cli.run("roles");
        Cli csv = Cli.run("roles", "--format", "csv");
        Cli json = Cli.run("roles", "--format", "json");
        Cli markdown = Cli.run("roles", "--format", "markdown");
        for (Cli cli : List.of(text, csv, json, markdown)) {
            assertEquals(0, cli.exitCode(), cli.err());
        }
        int roles = 23;
        assertEquals(roles + 1, text.out().lines().count());
        assertEquals("id,label,family,iri", csv.out().lines().findFirst().orElseThrow());
        assertEquals(roles + 1, csv.out().lines().count());
        assertTrue(csv.out().contains("\ndelivery-manager,\"Delivery manager\",\"Delivery management\","
                + "\"https://w3id.org/rolegraph/role/delivery-manager\"\n"), csv.out());
        JsonNode array = new ObjectMapper().readTree(json.out());
        assertEquals(roles, array.size());
        JsonNode delivery = java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .filter(n -> n.get("id").asText().equals("delivery-manager")).findFirst().orElseThrow();
        assertEquals("Delivery management", delivery.get("family").asText());
        assertEquals("https://w3id.org/rolegraph/family/delivery-management", delivery.get("familyIri").asText());
        List<String> md = markdown.out().lines().toList();
        assertEquals(List.of("| ID | Label | Family |", "| --- | --- | --- |"), md.subList(0, 2));
        assertTrue(md.contains("| delivery-manager | Delivery manager | Delivery management |"), markdown.out());
        assertEquals(roles + 2, md.size());
    }

    @Test
    void linkedTaxonomyOccupationsAreShownByTheirNames() {
        Cli describe = Cli.run("describe", "program-manager");
        assertEquals(0, describe.exitCode(), describe.err());
        // ESCO 1.2.0 names c94f3565-... "programme manager" (occupations_en.csv; docs alignments).
        String unwrapped = describe.out().replaceAll("\n +(?=\\[)", " ");
        assertTrue(unwrapped.lines().anyMatch(l -> l.matches("  - programme manager "
                + "<http://data\\.europa\\.eu/esco/occupation/c94f3565-d987-431f-a46b-6f4e018e0bd7> \\[\\d+]")), describe.out());
        Cli compare = Cli.run("compare", "program-manager", "project-manager", "--width", "100");
        assertTrue(compare.out().lines().anyMatch(l -> l.matches("Same occupation as \\| - programme manager \\[\\d+] +\\| - project manager \\[\\d+]")),
                compare.out());
    }
}
