package org.rolegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a good ingest produces: per-source named graphs, a union default graph, replacement, types. */
class IngestTest {

    private static final String PREFIXES = """
            PREFIX rg: <https://w3id.org/rolegraph/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX schema: <http://schema.org/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX role: <https://w3id.org/rolegraph/role/>
            PREFIX resp: <https://w3id.org/rolegraph/responsibility/>
            PREFIX graph: <https://w3id.org/rolegraph/graph/>
            """;

    private static boolean ask(DatasetGraph store, String where) {
        try (RDFConnection connection = RDFConnection.connect(DatasetFactory.wrap(store))) {
            return connection.queryAsk(PREFIXES + "ASK { " + where + " }");
        }
    }

    private static List<QuerySolution> select(DatasetGraph store, String query) {
        List<QuerySolution> rows = new ArrayList<>();
        try (RDFConnection connection = RDFConnection.connect(DatasetFactory.wrap(store))) {
            connection.querySelect(PREFIXES + query, rows::add);
        }
        return rows;
    }

    @Test
    void eachClaimStandsInTheGraphOfItsSourceAndTheDefaultGraphIsTheirUnion() throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        assertTrue(ask(store, "GRAPH graph:fixture-article { role:alpha-manager schema:responsibilities resp:plan-work }"));
        assertFalse(ask(store, "GRAPH graph:fixture-curation { role:alpha-manager schema:responsibilities ?r }"));
        assertTrue(ask(store, "GRAPH graph:fixture-curation { role:alpha-manager skos:prefLabel \"Alpha manager\"@en }"));
        // The default graph answers with the union of the source graphs.
        assertTrue(ask(store, "role:alpha-manager skos:prefLabel \"Alpha manager\"@en ; "
                + "schema:responsibilities resp:plan-work ; rg:timeframe rg:Continuous"));
        assertTrue(ask(store, "graph:fixture-article <http://www.w3.org/ns/prov#wasDerivedFrom> "
                + "<https://w3id.org/rolegraph/source/fixture-article>"));
    }

    @Test
    void aSharedResponsibilityIsOneResourceSoSharedDutiesAreAJoin() throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        List<QuerySolution> shared = select(store,
                "SELECT ?r { role:alpha-manager schema:responsibilities ?r . role:beta-manager schema:responsibilities ?r }");
        assertEquals(1, shared.size());
        assertEquals("https://w3id.org/rolegraph/responsibility/plan-work", shared.get(0).getResource("r").getURI());
    }

    @Test
    void salariesKeepDecimalsCurrencyPeriodAndOneEstimatePerSource() throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        assertTrue(ask(store, "role:alpha-manager schema:estimatedSalary ?s . ?s rg:mean \"1000.5\"^^xsd:decimal ; "
                + "schema:currency \"EUR\" ; schema:duration \"P1M\"^^xsd:duration"));
        List<QuerySolution> beta = select(store, "SELECT ?g ?s { GRAPH ?g { role:beta-manager schema:estimatedSalary ?s } }");
        assertEquals(2, beta.size(), "two sources, two estimates side by side");
        assertTrue(ask(store, "GRAPH graph:fixture-article { role:beta-manager schema:estimatedSalary ?s . "
                + "?s schema:minValue \"40000.0\"^^xsd:decimal ; schema:maxValue \"50000.0\"^^xsd:decimal }"));
        assertTrue(ask(store, "GRAPH graph:fixture-curation { role:beta-manager schema:estimatedSalary ?s . "
                + "?s schema:median \"45000.0\"^^xsd:decimal }"));
    }

    @Test
    void ingestingTheSameFileAgainLeavesTheStoreAsItWas() throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        Set<String> once = Fixtures.quads(store);
        IngestResult again = Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml")));
        assertEquals(once, Fixtures.quads(store));
        assertEquals(once.size(), again.quads(), "every quad was written once, none twice");
    }

    @Test
    void reingestingASourceReplacesWhatItSaidBefore(@TempDir Path dir) throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        String original = Files.readString(Fixtures.path("good/base.yaml"));
        String edited = original.replace("Runs alpha things.", "Runs alpha things, edited.")
                .replace("      - {ref: talk-to-clients, source: fixture-article}\n", "");
        assertTrue(!edited.equals(original) && edited.contains("edited"));
        Path file = Files.writeString(dir.resolve("base.yaml"), edited);
        Ingest.create().load(store, List.of(file));
        assertTrue(ask(store, "role:alpha-manager skos:definition \"Runs alpha things, edited.\"@en"));
        assertFalse(ask(store, "role:alpha-manager skos:definition \"Runs alpha things.\"@en"));
        assertFalse(ask(store, "role:alpha-manager schema:responsibilities <https://w3id.org/rolegraph/responsibility/talk-to-clients>"));
    }

    @Test
    void yamlAndJsonWithTheSameStructureGiveTheSameGraph() throws Exception {
        DatasetGraph fromJson = Stores.inMemory();
        Ingest.create().load(fromJson, List.of(Fixtures.path("good/base.json")));
        assertEquals(Fixtures.quads(Fixtures.baseStore()), Fixtures.quads(fromJson));
    }

    @Test
    void csvTablesAddRolesAndSalariesCitingASourceDeclaredBeside() throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        Ingest.create().load(store, List.of(Fixtures.path("good/salaries.yaml"), Fixtures.path("good/roles.csv"),
                Fixtures.path("good/salaries.csv")));
        assertTrue(ask(store, "GRAPH graph:fixture-survey { role:gamma-manager a rg:Role ; skos:prefLabel \"Gamma manager\"@en ;"
                + " skos:definition \"Runs gamma things.\"@en ; rg:family <https://w3id.org/rolegraph/family/management> }"));
        assertTrue(ask(store, "role:delta-manager skos:prefLabel \"Delta manager\"@en FILTER NOT EXISTS { role:delta-manager rg:family ?f }"));
        assertTrue(ask(store, "role:gamma-manager schema:estimatedSalary ?s . ?s schema:median \"52000.0\"^^xsd:decimal ;"
                + " schema:currency \"GBP\" ; rg:referenceYear \"2024\"^^xsd:gYear ; rg:region \"GB\""));
        assertTrue(ask(store, "GRAPH graph:fixture-survey { role:alpha-manager schema:estimatedSalary ?s . "
                + "?s schema:minValue \"30.0\"^^xsd:decimal ; schema:maxValue \"45.0\"^^xsd:decimal ; schema:duration \"PT1H\"^^xsd:duration }"));
    }

    @Test
    void aCsvCitingASourceDeclaredOnlyInTheStoreIsRefusedSoItsGraphIsNotWiped() throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        Ingest.create().load(store, List.of(Fixtures.path("good/salaries.yaml"), Fixtures.path("good/roles.csv")));
        Set<String> before = Fixtures.quads(store);
        IngestException failure = assertThrows(IngestException.class,
                () -> Ingest.create().load(store, List.of(Fixtures.path("good/salaries.csv"))));
        Problem problem = failure.problems().stream()
                .filter(p -> p.message().contains("source 'fixture-survey' is in the store but not declared"))
                .findFirst().orElseThrow(() -> new AssertionError(failure.getMessage()));
        // Row 1 of the table is line 2; its source cell starts at column 43.
        assertEquals(2, problem.line());
        assertEquals(43, problem.column());
        assertEquals(before, Fixtures.quads(store));
    }

    @Test
    void shapeViolationsNameTheRoleThePropertyAndWhereTheRoleIsDeclared(@TempDir Path dir) throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        Set<String> before = Fixtures.quads(store);
        // A second source giving alpha-manager another English label breaks "one preferred label per language".
        Path file = Files.writeString(dir.resolve("relabel.yaml"), """
                format: rolegraph/1
                defaultSource: other-article
                sources:
                  - {id: other-article, title: Another article}
                roles:
                  - id: alpha-manager
                    label: Alpha lead
                """);
        IngestException failure = assertThrows(IngestException.class, () -> Ingest.create().load(store, List.of(file)));
        Problem problem = failure.problems().get(0);
        assertEquals(file.toString(), problem.file());
        assertEquals(6, problem.line());
        assertEquals(5, problem.column());
        assertTrue(problem.message().contains("role 'alpha-manager'") && problem.message().contains("skos:prefLabel")
                && problem.message().contains("one preferred label per language"), problem.toString());
        assertEquals(before, Fixtures.quads(store));
    }

    @Test
    void validationNeverChangesTheStore() throws Exception {
        DatasetGraph store = Stores.inMemory();
        IngestResult result = Ingest.create().validate(store, List.of(Fixtures.path("good/base.yaml")));
        assertFalse(result.committed());
        assertTrue(result.quads() > 0);
        assertTrue(Fixtures.quads(store).isEmpty());
    }

    @Test
    void aTdb2StoreOnDiskKeepsWhatWasCommitted(@TempDir Path dir) throws Exception {
        DatasetGraph store = Stores.openOrCreate(dir);
        Ingest.create().load(store, List.of(Fixtures.path("good/base.yaml")));
        Set<String> written = Fixtures.quads(store);
        store.close();
        org.apache.jena.tdb2.sys.TDBInternal.expel(store);
        DatasetGraph reopened = Stores.open(dir);
        assertEquals(written, Fixtures.quads(reopened));
        assertTrue(ask(reopened, "role:beta-manager rg:reportsTo role:alpha-manager"));
    }

    @Test
    void aConfiguredBaseIriNamesTheData() throws Exception {
        DatasetGraph store = Stores.inMemory();
        Ingest.create().iris(new org.rolegraph.model.IriScheme("https://example.org/roles/"))
                .load(store, List.of(Fixtures.path("good/base.yaml")));
        assertTrue(ask(store, "<https://example.org/roles/role/alpha-manager> a rg:Role"));
        assertFalse(ask(store, "role:alpha-manager ?p ?o"));
    }
}
