package org.rolegraph.ingest.onet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rolegraph.ingest.taxonomy.StoreQueries.ask;
import static org.rolegraph.ingest.taxonomy.StoreQueries.count;
import static org.rolegraph.ingest.taxonomy.StoreQueries.quads;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolegraph.ingest.IngestException;
import org.rolegraph.ingest.Problem;
import org.rolegraph.ingest.Stores;
import org.rolegraph.ingest.taxonomy.ImportResult;
import org.rolegraph.ingest.taxonomy.OntologyCoverage;

/**
 * The O*NET importer on the excerpt of the real 29.3 release (fixtures/README.md: six occupations
 * and Legislators, whose task 15287 quotes "head counts"), and on broken copies of it. Expected values
 * were read from the excerpt's files with Python's csv module.
 */
class OnetImporterTest {

    private static final String IT_PROJECT_MANAGERS = "https://w3id.org/rolegraph/onet/occupation/15-1299.09";

    static Path fixture() {
        try {
            return Path.of(OnetImporterTest.class.getClassLoader().getResource("fixtures/onet-29.3").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importsTheExcerptCountingRelatedOccupationsOutsideItAsWarnings() throws Exception {
        DatasetGraph store = Stores.inMemory();
        ImportResult result = OnetImporter.create().load(store, fixture());
        assertEquals("onet-29.3", result.release().id());
        assertEquals(11, result.files());
        // 123 of the 140 related-occupation rows name occupations outside the seven of the excerpt.
        assertEquals(1, result.warnings().size());
        ImportResult.Warning warning = result.warnings().get(0);
        assertEquals("related occupations naming an occupation that is not in Occupation Data.txt (skipped)", warning.kind());
        assertEquals(123, warning.count());
        assertEquals(2, warning.firstLine());
        store.begin(ReadWrite.READ);
        try {
            assertEquals(store.getGraph(NodeFactory.createURI(result.graph())).size(), result.quads());
        } finally {
            store.end();
        }
    }

    @Test
    void anOccupationIsARoleWithTitlesTasksZoneEducationSkillsAndTechnology() throws Exception {
        DatasetGraph store = Stores.inMemory();
        OnetImporter.create().load(store, fixture());
        String occupation = "<" + IT_PROJECT_MANAGERS + ">";
        assertTrue(ask(store, occupation + " a rg:Role, schema:Occupation ; skos:prefLabel \"Information Technology Project Managers\"@en ;"
                + " skos:notation \"15-1299.09\" ; rdfs:seeAlso <https://www.onetonline.org/link/summary/15-1299.09> ;"
                + " schema:occupationalCategory <https://www.onetonline.org/link/summary/15-1299.09> ;"
                + " rg:jobZone <https://w3id.org/rolegraph/onet/job-zone/4> ; skos:altLabel \"Scrum Master\"@en, \"IT Project Manager\"@en"));
        // 39 alternate titles and 9 short titles, all different.
        assertEquals(48, count(store, "SELECT ?v { " + occupation + " skos:altLabel ?v }"));
        assertEquals(21, count(store, "SELECT ?t { " + occupation + " schema:responsibilities ?t }"));
        assertTrue(ask(store, occupation + " schema:educationRequirements"
                + " \"Bachelor's Degree (the level most respondents say the job requires: 38.1%)\"@en"));
        // 35 skills rated; 22 of importance 3 or more; Critical Thinking at 4.12 and level 4.25.
        assertEquals(35, count(store, "SELECT ?r { " + occupation + " rg:skillRating ?r }"));
        assertEquals(22, count(store, "SELECT ?s { " + occupation + " schema:skills ?s }"));
        assertTrue(ask(store, occupation + " rg:skillRating [ rg:ratedSkill <https://w3id.org/rolegraph/onet/element/2.A.2.a> ;"
                + " rg:importance 4.12 ; rg:level 4.25 ] . <https://w3id.org/rolegraph/onet/element/2.A.2.a> skos:prefLabel \"Critical Thinking\"@en"));
        // Five level ratings O*NET marks not relevant are left out.
        assertEquals(30, count(store, "SELECT ?r { " + occupation + " rg:skillRating ?r . ?r rg:level ?l }"));
        assertEquals(62, count(store, "SELECT ?t { " + occupation + " rg:technologySkill ?t }"));
        assertEquals(334, count(store, "SELECT ?e { " + occupation + " rg:technologyExample ?e }"));
        assertTrue(ask(store, occupation + " skos:related <https://w3id.org/rolegraph/onet/occupation/13-1082.00>"));
    }

    @Test
    void aFieldWithDoubledQuotesKeepsItsQuotes() throws Exception {
        DatasetGraph store = Stores.inMemory();
        OnetImporter.create().load(store, fixture());
        assertTrue(ask(store, "<https://w3id.org/rolegraph/onet/task/15287> skos:prefLabel"
                + " 'Conduct \"head counts\" to help predict the outcome of upcoming votes.'@en"));
    }

    @Test
    void theReleaseCarriesItsLicenceAndTheAttributionItAsksFor() throws Exception {
        DatasetGraph store = Stores.inMemory();
        OnetImporter.create().load(store, fixture());
        assertTrue(ask(store, "<https://w3id.org/rolegraph/source/onet-29.3> dcat:version \"29.3\" ;"
                + " dct:license <https://creativecommons.org/licenses/by/4.0/> ; rg:attribution ?text ."
                + " FILTER(CONTAINS(?text, 'O*NET 29.3 Database by the U.S. Department of Labor') && CONTAINS(?text, 'CC BY 4.0'))"));
    }

    @Test
    void everyClassAndPropertyTheImportWritesIsDeclaredInTheOntology() throws Exception {
        DatasetGraph store = Stores.inMemory();
        OnetImporter.create().load(store, fixture());
        assertEquals(Set.of(), OntologyCoverage.undeclaredTerms(store));
    }

    @Test
    void anOlderLayoutSaysWhichColumnIsMissingAndWhatTheHeaderHas(@TempDir Path dir) throws Exception {
        Path release = copy(dir);
        // Before 28.0 the technology file had no commodity columns under these names (say a hand-made file).
        Path technology = release.resolve("Technology Skills.txt");
        Files.writeString(technology, Files.readString(technology).replaceFirst("Commodity Code", "UNSPSC Code"));
        DatasetGraph store = Stores.inMemory();
        IngestException e = assertThrows(IngestException.class, () -> OnetImporter.create().load(store, release));
        assertEquals(List.of(new Problem(technology.toString(), 1, 1, "missing column 'Commodity Code' (the header has: O*NET-SOC Code, "
                + "Title, Example, UNSPSC Code, Commodity Title, Hot Technology, In Demand); an O*NET text release of 28.0 or later has it")),
                e.problems());
        assertEquals(Set.of(), quads(store));
    }

    @Test
    void aRowCutShortIsAnErrorAtItsLineAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path release = copy(dir);
        Path tasks = release.resolve("Task Statements.txt");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(tasks));
        lines.set(4, lines.get(4).substring(0, lines.get(4).lastIndexOf('\t')));
        Files.write(tasks, lines);
        DatasetGraph store = Stores.inMemory();
        OnetImporter.create().load(store, fixture());
        Set<String> before = quads(store);
        IngestException e = assertThrows(IngestException.class, () -> OnetImporter.create().load(store, release));
        assertEquals(List.of(new Problem(tasks.toString(), 5, 1, "this row has 7 fields where the header has 8 (a row cut short?)")),
                e.problems());
        assertEquals(before, quads(store), "the earlier import of the release is still there, unchanged");
    }

    @Test
    void aFolderWithoutOccupationDataIsNotARelease(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("onet-29.3"));
        IngestException e = assertThrows(IngestException.class, () -> OnetImporter.create().load(Stores.inMemory(), folder));
        assertEquals("not an O*NET text release: it has no 'Occupation Data.txt' (download the database's text files, not its Excel or SQL form)",
                e.problems().get(0).message());
    }

    private static Path copy(Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("onet-29.3"));
        try (var files = Files.list(fixture())) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }



}
