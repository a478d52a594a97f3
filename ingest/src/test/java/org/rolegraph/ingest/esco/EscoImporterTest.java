package org.rolegraph.ingest.esco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rolegraph.ingest.taxonomy.StoreQueries.ask;
import static org.rolegraph.ingest.taxonomy.StoreQueries.count;
import static org.rolegraph.ingest.taxonomy.StoreQueries.quads;
import static org.rolegraph.ingest.taxonomy.StoreQueries.strings;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
 * The ESCO importer on excerpts of the real v1.1.1 and v1.2.0 releases (fixtures/README.md says how
 * they were cut and lists the values checked against them), and on broken copies of them.
 */
class EscoImporterTest {

    private static final String ICT_PROJECT_MANAGER = "http://data.europa.eu/esco/occupation/8b6388a4-4904-471b-9331-d3b1211f5525";

    static Path fixture(String name) {
        try {
            return Path.of(EscoImporterTest.class.getClassLoader().getResource("fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importsTheV111ExcerptWithItsRealFlawsCountedAsWarnings() throws Exception {
        DatasetGraph store = Stores.inMemory();
        ImportResult result = EscoImporter.create().load(store, fixture("esco-1.1.1"));
        assertEquals("esco-1.1.1", result.release().id());
        assertEquals("https://w3id.org/rolegraph/graph/esco-1.1.1", result.graph());
        // The eight files it reads (not the skills hierarchy table): 10 + 10 + 20 + 29 + 188 + 27 + 40 + 256 records.
        assertEquals(8, result.files());
        assertEquals(580, result.rows());
        Map<String, String> warnings = new TreeMap<>();
        result.warnings().forEach(w -> warnings.put(w.kind(), w.count() + " at " + Path.of(w.firstFile()).getFileName() + ":" + w.firstLine()));
        assertEquals(Map.of(
                "relations naming an occupation that is not in the release (skipped)", "3 at occupationSkillRelations.csv:183",
                "broader relations naming an occupation or ISCO group that is not in the release (skipped)", "1 at broaderRelationsOccPillar.csv:30",
                "skills with an empty skill type (kept without a type)", "3 at skills_en.csv:370"), warnings);
        assertEquals(graphSize(store, result.graph()), result.quads(), "the count reported is the count stored");
    }

    @Test
    void anOccupationKeepsItsEscoIriAndBecomesARoleWithLabelsCodeGroupAndSkills() throws Exception {
        DatasetGraph store = Stores.inMemory();
        EscoImporter.create().load(store, fixture("esco-1.1.1"));
        String role = "<" + ICT_PROJECT_MANAGER + ">";
        assertTrue(ask(store, role + " a rg:Role, schema:Occupation, skos:Concept ; skos:prefLabel \"ICT project manager\"@en ;"
                + " skos:prefLabel \"ICT-projectmanager\"@nl ; skos:notation \"1330.7\" ;"
                + " schema:occupationalCategory <http://data.europa.eu/esco/isco/C1330>"));
        // Six alternative labels in the file, one of them the preferred label: SKOS keeps those apart.
        assertEquals(Set.of("ICT project managers", "web project manager", "IT project manager", "IT projects manager",
                "web projects manager"), strings(store, "SELECT ?v { " + role + " skos:altLabel ?v FILTER(lang(?v) = 'en') }"));
        assertTrue(strings(store, "SELECT ?v { " + role + " skos:definition ?v }").iterator().next()
                .startsWith("ICT project managers schedule, control and direct the resources"));
        // 21 essential and 46 optional relation rows in the excerpt, none both.
        assertEquals(21, count(store, "SELECT ?s { " + role + " rg:essentialSkill ?s }"));
        assertEquals(46, count(store, "SELECT ?s { " + role + " rg:optionalSkill ?s }"));
        assertEquals(67, count(store, "SELECT ?s { " + role + " schema:skills ?s }"));
        assertTrue(ask(store, role + " rg:essentialSkill <http://data.europa.eu/esco/skill/94dd823c-148e-4614-a6e8-99249b16357d> ."
                + " <http://data.europa.eu/esco/skill/94dd823c-148e-4614-a6e8-99249b16357d> a rg:Skill ;"
                + " skos:prefLabel \"ICT project management\"@en ; rg:skillType <http://data.europa.eu/esco/skill-type/knowledge> ;"
                + " rg:reuseLevel <http://data.europa.eu/esco/skill-reuse-level/sector-specific>"));
        assertTrue(ask(store, "<http://data.europa.eu/esco/isco/C1330> a schema:CategoryCode ; schema:codeValue \"1330\" ; schema:inCodeSet \"ISCO-08\""));
    }

    @Test
    void theReleaseIsDescribedAsASourceWithVersionLicenceTermsAndAttribution() throws Exception {
        DatasetGraph store = Stores.inMemory();
        EscoImporter.create().load(store, fixture("esco-1.1.1"));
        assertTrue(ask(store, "GRAPH <https://w3id.org/rolegraph/graph/esco-1.1.1> {"
                + " <https://w3id.org/rolegraph/graph/esco-1.1.1> prov:wasDerivedFrom <https://w3id.org/rolegraph/source/esco-1.1.1> ."
                + " <https://w3id.org/rolegraph/source/esco-1.1.1> a rg:Source, rg:ReferenceDataset ; dcat:version \"1.1.1\" ;"
                + " dct:title \"ESCO classification v1.1.1\"@en ;"
                + " rg:attribution \"This service uses the ESCO classification of the European Commission.\"@en ;"
                + " dct:publisher [ schema:name \"European Commission\" ] ; dct:rights ?terms ; schema:url ?download }"));
    }

    @Test
    void theV12LayoutIsReadAndTwoReleasesSitSideBySideWhileReimportingOneReplacesIt() throws Exception {
        DatasetGraph store = Stores.inMemory();
        ImportResult old = EscoImporter.create().load(store, fixture("esco-1.1.1"));
        ImportResult newer = EscoImporter.create().load(store, fixture("esco-1.2.0"));
        assertEquals("https://w3id.org/rolegraph/graph/esco-1.2.0", newer.graph());
        // occupations_en, ISCOGroups_en and broaderRelationsOccPillar_en: 11 + 20 + 29 records, no flaws.
        assertEquals(3, newer.files());
        assertEquals(60, newer.rows());
        assertEquals(List.of(), newer.warnings());
        assertTrue(ask(store, "GRAPH <https://w3id.org/rolegraph/graph/esco-1.2.0> { <" + ICT_PROJECT_MANAGER
                + "> skos:altLabel \"scrum master\"@en }"), "scrum master is a v1.2 label");
        assertFalse(ask(store, "GRAPH <https://w3id.org/rolegraph/graph/esco-1.1.1> { <" + ICT_PROJECT_MANAGER
                + "> skos:altLabel \"scrum master\"@en }"), "and not a v1.1 one");
        assertTrue(ask(store, "<http://data.europa.eu/esco/occupation/8a0afc76-4a09-449a-9e7b-a33495889f95> skos:prefLabel \"chief product officer\"@en"));
        Set<String> before = quads(store);
        ImportResult again = EscoImporter.create().load(store, fixture("esco-1.1.1"));
        assertEquals(old.quads(), again.quads());
        assertEquals(before, quads(store), "re-importing a release leaves the store as it was");
    }

    @Test
    void everyClassAndPropertyTheImportWritesIsDeclaredInTheOntology() throws Exception {
        DatasetGraph store = Stores.inMemory();
        EscoImporter.create().load(store, fixture("esco-1.1.1"));
        assertEquals(Set.of(), OntologyCoverage.undeclaredTerms(store));
    }

    // --- bad input: each located, every one reported, the store as it was ---------------------------

    @Test
    void aFirstImportIntoANewStoreHoldsWhatAnImportInMemoryHolds(@TempDir Path dir) throws Exception {
        DatasetGraph memory = Stores.inMemory();
        ImportResult inMemory = EscoImporter.create().load(memory, fixture("esco-1.1.1"));
        Path target = dir.resolve("store");
        // A new store: the release streams into TDB2's bulk loader (ReleaseImport.runBulk).
        ImportResult first = Stores.write(target, store -> EscoImporter.create().load(store, fixture("esco-1.1.1")));
        assertEquals(inMemory.quads(), first.quads());
        assertEquals(inMemory.warnings(), first.warnings());
        DatasetGraph onDisk = Stores.open(target);
        try {
            assertEquals(quads(memory), quads(onDisk));
        } finally {
            Stores.release(onDisk);
        }
    }

    @Test
    void aFailedFirstImportLeavesNoStoreBehind(@TempDir Path dir) throws Exception {
        Path release = copy("esco-1.2.0", dir.resolve("releases"));
        rewrite(release.resolve("occupations_en.csv"), text -> text.replaceFirst(",code\r\n", ",escoCode\r\n"));
        Path target = dir.resolve("store");
        assertThrows(IngestException.class, () -> Stores.write(target, store -> EscoImporter.create().load(store, release)));
        assertFalse(Files.exists(target));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("releases")), left.toList(), "no temporary directory either");
        }
    }

    @Test
    void aMissingColumnIsNamedWithItsFile(@TempDir Path dir) throws Exception {
        Path release = copy("esco-1.2.0", dir);
        rewrite(release.resolve("occupations_en.csv"), text -> text.replaceFirst(",code\r\n", ",escoCode\r\n"));
        Problem problem = single(release);
        assertEquals(release.resolve("occupations_en.csv").toString(), problem.file());
        assertEquals(1, problem.line());
        assertTrue(problem.message().startsWith("missing column 'code' (the header has: conceptType, conceptUri, iscoGroup,"), problem.message());
    }

    @Test
    void aQuoteLeftOpenARowCutShortAndBadUtf8AreEachLocatedAndAllReported(@TempDir Path dir) throws Exception {
        Path release = copy("esco-1.1.1", dir);
        // Line 3 of the relations file loses its last two fields; line 6 of the skill groups file gets
        // a byte that is not UTF-8; the last record of the broader occupations file opens a quote.
        List<String> relations = new ArrayList<>(List.of(Files.readString(release.resolve("occupationSkillRelations.csv")).split("\r\n", -1)));
        relations.set(2, relations.get(2).substring(0, relations.get(2).indexOf(',')));
        Files.writeString(release.resolve("occupationSkillRelations.csv"), String.join("\r\n", relations));
        byte[] groups = Files.readAllBytes(release.resolve("skillGroups_en.csv"));
        int line6 = startOfLine(groups, 6);
        groups[line6 + 4] = (byte) 0xFF;
        Files.write(release.resolve("skillGroups_en.csv"), groups);
        Path broader = release.resolve("broaderRelationsOccPillar.csv");
        Files.writeString(broader, Files.readString(broader) + "Occupation,\"http://data.europa.eu/esco/occupation/x,ISCOGroup,y\r\n");
        long broaderLines = Files.readString(broader).lines().count();

        DatasetGraph store = Stores.inMemory();
        IngestException e = assertThrows(IngestException.class, () -> EscoImporter.create().load(store, release));
        List<String> found = e.problems().stream().map(p -> Path.of(p.file()).getFileName() + ":" + p.line() + ":" + p.column()
                + ": " + p.message()).toList();
        assertEquals(List.of(
                "broaderRelationsOccPillar.csv:" + broaderLines + ":12: a quote opened in this row is never closed (the file ends inside it)",
                "occupationSkillRelations.csv:3:1: this row has 1 fields where the header has 4 (a row cut short?)",
                "skillGroups_en.csv:6:5: not valid UTF-8: byte 0xFF cannot start a character (the release's files must be UTF-8)"),
                found);
        assertEquals(Set.of(), quads(store), "nothing written");
    }

    @Test
    void aFailedImportLeavesAStoreAsItWasIncludingTheReleaseItWouldReplace(@TempDir Path dir) throws Exception {
        DatasetGraph store = Stores.inMemory();
        EscoImporter.create().load(store, fixture("esco-1.2.0"));
        Set<String> before = quads(store);
        Path release = copy("esco-1.2.0", dir);
        rewrite(release.resolve("ISCOGroups_en.csv"), text -> text.replaceFirst("preferredLabel", "label"));
        assertThrows(IngestException.class, () -> EscoImporter.create().load(store, release));
        assertEquals(before, quads(store));
    }

    @Test
    void aFolderThatIsNoReleaseOrHasNoVersionIsSaidPlainly(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("esco-1.2.0"));
        Files.writeString(empty.resolve("notes.csv"), "a,b\r\n");
        assertEquals("not an ESCO CSV release: it has no occupations_en.csv (found: notes.csv)", single(empty).message());
        Path unnamed = Files.createDirectory(dir.resolve("download"));
        assertEquals("cannot tell the ESCO version from the folder's name: give it (for example --release 1.1.1)", single(unnamed).message());
        Path copied = copy("esco-1.2.0", dir.resolve("elsewhere"));
        Path renamed = Files.move(copied, dir.resolve("taxonomy"));
        assertEquals("esco-1.2.0", EscoImporter.create().version("1.2.0").load(Stores.inMemory(), renamed).release().id());
    }

    private static Problem single(Path release) {
        IngestException e = assertThrows(IngestException.class, () -> EscoImporter.create().load(Stores.inMemory(), release));
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    private static int startOfLine(byte[] bytes, int line) {
        int at = 0;
        for (int seen = 1; seen < line; at++) {
            if (bytes[at] == '\n') {
                seen++;
            }
        }
        return at;
    }

    /** A copy of a fixture release in {@code parent}, under the same (versioned) folder name. */
    private static Path copy(String name, Path parent) throws IOException {
        Path target = Files.createDirectories(parent.resolve(name));
        try (var files = Files.list(fixture(name))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private static void rewrite(Path file, java.util.function.UnaryOperator<String> change) throws IOException {
        Files.writeString(file, change.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }




    private static long graphSize(DatasetGraph store, String graph) {
        store.begin(ReadWrite.READ);
        try {
            return store.getGraph(NodeFactory.createURI(graph)).size();
        } finally {
            store.end();
        }
    }

}
