package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rolegraph.query.QueryCatalog;

/**
 * Store parity: every read command (exports included) and every catalog query prints the same bytes
 * whatever store holds the data, however the store defines its default graph. The reference is a TDB2
 * store (a set union);
 * the others are reached with --endpoint: Fuseki with a union default graph (a set), Fuseki with its
 * default dataset (the default graph is a graph of its own, empty), Virtuoso 7 (Debian's; its default
 * graph is every graph as a bag, its own system graphs included, it hands durations back as numbers
 * and it cuts every answer at 1,000 rows, fewer than the largest graph holds), Oxigraph in union mode (a bag: a triple that five sources assert is there five times) and
 * Oxigraph without it (empty). Every store holds the curated data set, a file that leans on it (a new
 * role whose references the shapes check against what the store already holds; on Virtuoso that means
 * reading its numbers back as durations) and the excerpts of ESCO v1.1.1 and O*NET 29.3: the same
 * files, loaded by ingest and import (Fuseki and Virtuoso through the Graph Store Protocol and SPARQL
 * Update, Virtuoso's with a password) or from the TDB2 store's N-Quads export (Oxigraph, which this
 * test queries read-only).
 */
class StoreParityTest {

    private static final String GRAPH = "https://w3id.org/rolegraph/graph/";
    private static final String ROLE = "https://w3id.org/rolegraph/role/";

    private static Path dir;
    private static Path store;
    private static final List<PeerStores.Peer> PEERS = new ArrayList<>();
    /** Store name to its SPARQL query URL. */
    private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

    @BeforeAll
    static void loadEveryStore() throws Exception {
        dir = Files.createTempDirectory("rolegraph-parity");
        store = dir.resolve("store");
        for (List<String> load : loads()) {
            List<String> args = new ArrayList<>(load);
            args.addAll(List.of("--store", store.toString()));
            ok(args);
        }
        Path nquads = dir.resolve("all.nq");
        ok(List.of("export", "--store", store.toString(), "--format", "nquads", "-o", nquads.toString()));

        for (boolean union : new boolean[] {true, false}) {
            PeerStores.Peer fuseki = PeerStores.fuseki(union);
            PEERS.add(fuseki);
            String url = "http://127.0.0.1:" + fuseki.port() + "/rolegraph/sparql";
            for (List<String> load : loads()) {
                List<String> args = new ArrayList<>(load);
                args.addAll(List.of("--endpoint", url));
                ok(args);
            }
            ENDPOINTS.put(fuseki.name(), url);
        }
        PeerStores.Peer virtuoso = PeerStores.virtuoso(Files.createDirectory(dir.resolve("virtuoso")));
        PEERS.add(virtuoso);
        String virtuosoUrl = "http://127.0.0.1:" + virtuoso.port();
        Path password = Files.writeString(dir.resolve("password"), "dba\n");
        for (List<String> load : loads()) {
            List<String> args = new ArrayList<>(load);
            args.addAll(List.of("--endpoint", virtuosoUrl + "/sparql", "--gsp", virtuosoUrl + "/sparql-graph-crud-auth",
                    "--update", virtuosoUrl + "/sparql-auth", "--user", "dba", "--password-file", password.toString()));
            ok(args);
        }
        ENDPOINTS.put(virtuoso.name(), virtuosoUrl + "/sparql");
        for (boolean union : new boolean[] {true, false}) {
            PeerStores.Peer oxigraph = PeerStores.oxigraph(nquads, union);
            PEERS.add(oxigraph);
            ENDPOINTS.put(oxigraph.name(), "http://127.0.0.1:" + oxigraph.port() + "/sparql");
        }
    }

    /** What every store holds: the commands that load it, without where to. */
    private static List<List<String>> loads() {
        Path fixtures = ImportCommandTest.FIXTURES;
        return List.of(
                List.of("ingest", "-q", Path.of("..", "data").toString()),
                // Checked against the curated data already in the store, on each store alike.
                List.of("ingest", "-q", Path.of("src", "test", "resources", "fixtures", "leans-on-curated-roles.yaml").toString()),
                List.of("import", "esco", "-q", fixtures.resolve("esco-1.1.1").toString()),
                List.of("import", "onet", "-q", fixtures.resolve("onet-29.3").toString()));
    }

    private static void ok(List<String> args) {
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertEquals(0, cli.exitCode(), String.join(" ", args) + ": " + cli.err());
    }

    @AfterAll
    static void stopStores() throws Exception {
        PEERS.forEach(PeerStores.Peer::close);
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Every read command, on curated roles and imported occupations, in each output format where it has several. */
    static Stream<List<String>> readCommands() {
        List<List<String>> commands = new ArrayList<>();
        for (String format : List.of("text", "markdown", "csv", "json")) {
            commands.add(List.of("roles", "--format", format));
        }
        // Text output looks up labels with a query of its own (labels.rq), here of roles, concepts and occupations.
        commands.add(List.of("query", "salaries", "--param", "role=product-manager", "--param", "role=delivery-manager"));
        commands.add(List.of("query", "linked", "--param", "role=product-manager"));
        for (String role : List.of("delivery-manager", "ICT project manager", "onet:15-1299.09")) {
            commands.add(List.of("describe", role));
        }
        for (String format : List.of("text", "markdown", "csv", "json")) {
            commands.add(List.of("compare", "product-manager", "delivery-manager", "project-manager", "--format", format));
        }
        commands.add(List.of("compare", "product-manager", "ICT product manager", "--format", "text"));
        commands.add(List.of("similar", "product-manager", "--top", "10"));
        commands.add(List.of("similar", "ICT project manager", "--top", "10"));
        commands.add(List.of("chain", "associate-product-manager"));
        commands.add(List.of("chain", "product-manager"));
        commands.add(List.of("describe", "product-team-lead"));
        commands.add(List.of("align", "--top", "3"));
        for (String format : List.of("nquads", "turtle", "jsonld")) {
            commands.add(List.of("export", "--format", format));
        }
        commands.add(List.of("export", "--format", "trig", "--graph", "onet-29.3"));
        commands.add(List.of("export", "--format", "turtle", "--role", "delivery-manager", "--role", "ICT project manager"));
        commands.add(List.of("export", "--format", "jsonld", "--role", "product-manager", "--frame"));
        commands.add(List.of("export", "--format", "jsonld", "--role", "project-manager", "--schema-org"));
        return commands.stream();
    }

    /** Every catalog query with parameters that give it rows on this data, in CSV (and JSON, for the typed values). */
    static Stream<List<String>> catalogQueries() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("roles", List.of());
        params.put("compare", List.of("role=product-manager", "role=delivery-manager"));
        params.put("shared-and-unique", List.of("role=product-manager", "role=delivery-manager", "role=project-manager"));
        params.put("similar", List.of("role=product-manager"));
        params.put("similar-candidates", List.of("role=product-manager"));
        params.put("similar-weights", List.of("other=" + ROLE + "delivery-manager", "other=" + ROLE + "project-manager",
                "other=http://data.europa.eu/esco/occupation/9f508305-80ce-4111-8722-f2c9b4a44890"));
        params.put("salaries", List.of("role=product-manager", "role=delivery-manager", "role=project-manager"));
        params.put("survey-figures", List.of("role=product-manager", "role=project-manager"));
        params.put("disagreements", List.of());
        params.put("reporting-lines", List.of());
        params.put("fit", List.of("timeframe=continuous", "keyword=client"));
        params.put("claim-sources", List.of("subject=" + ROLE + "product-manager",
                "property=http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "value=https://w3id.org/rolegraph/ontology#Role"));
        params.put("certifications", List.of("role=delivery-manager", "role=project-manager"));
        params.put("resolve", List.of("key=project manager"));
        params.put("linked", List.of("role=product-manager", "role=project-manager"));
        params.put("role-names", List.of());
        params.put("releases", List.of());
        params.put("browse", List.of("graph=" + GRAPH + "esco-1.1.1"));
        params.put("groups", List.of("graph=" + GRAPH + "onet-29.3"));
        params.put("group-roles", List.of("graph=" + GRAPH + "esco-1.1.1", "group=http://data.europa.eu/esco/isco/C2"));
        params.put("search", List.of("text=project manager", "word=project", "word=manager", "words=2", "first=project"));
        params.put("source", List.of("source=https://w3id.org/rolegraph/source/esco-1.1.1"));
        params.put("entry", List.of("entry=" + ROLE + "product-manager", "class=https://w3id.org/rolegraph/ontology#Role"));
        params.put("source-graphs", List.of());
        params.put("graph", List.of("graph=" + GRAPH + "team-notes"));
        params.put("graph-size", List.of("graph=" + GRAPH + "onet-29.3"));
        params.put("labels", List.of("entry=" + ROLE + "product-manager",
                "entry=http://data.europa.eu/esco/occupation/9f508305-80ce-4111-8722-f2c9b4a44890", "entry=" + ROLE + "no-such-role"));
        List<List<String>> commands = new ArrayList<>();
        params.forEach((name, values) -> {
            for (String format : name.equals("similar") || name.equals("salaries") ? List.of("csv", "json") : List.of("csv")) {
                List<String> command = new ArrayList<>(List.of("query", name, "--format", format));
                values.forEach(v -> command.addAll(List.of("--param", v)));
                commands.add(command);
            }
        });
        return commands.stream();
    }

    @Test
    void everyCatalogQueryIsRun() {
        Set<String> run = catalogQueries().map(c -> c.get(1)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(QueryCatalog.NAMES), run);
    }

    /**
     * What must be the same bytes: the output, except that the rows of a catalog query without ORDER BY
     * (graph, which a reader pages through in the store's own order) are a multiset and compared sorted.
     */
    private static String comparable(List<String> command, String out) {
        if (!command.get(0).equals("query") || QueryCatalog.get(command.get(1)).hasOrderBy()
                || !QueryCatalog.get(command.get(1)).isSelectType()) {
            return out;
        }
        List<String> lines = new ArrayList<>(out.lines().toList());
        if (lines.isEmpty()) {
            return out;
        }
        String header = lines.remove(0);
        lines.sort(null);
        return header + "\n" + String.join("\n", lines);
    }

    @ParameterizedTest
    @MethodSource({"readCommands", "catalogQueries"})
    void everyStorePrintsWhatTheTdb2StorePrints(List<String> command) {
        Function<List<String>, Cli> run = extra -> {
            List<String> args = new ArrayList<>(command);
            args.addAll(extra);
            if (!command.get(0).equals("export")) {
                return Cli.run(args.toArray(String[]::new));
            }
            // export streams to standard output itself, past the command line's writer: compare its file
            try {
                Path file = Files.createTempFile(dir, "export-", ".out");
                args.addAll(List.of("-q", "-o", file.toString()));
                Cli export = Cli.run(args.toArray(String[]::new));
                return new Cli(export.exitCode(), Files.readString(file), export.err());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        Cli reference = run.apply(List.of("--store", store.toString()));
        assertEquals(0, reference.exitCode(), reference.err());
        assertTrue(reference.out().lines().count() > 1, "no rows to compare: " + reference.out());
        List<Executable> checks = new ArrayList<>();
        ENDPOINTS.forEach((name, url) -> {
            Cli remote = run.apply(List.of("--endpoint", url));
            checks.add(() -> assertEquals(comparable(command, reference.out()), comparable(command, remote.out()),
                    name + " differs (" + remote.err().strip() + ")"));
        });
        assertAll(checks);
    }
}
