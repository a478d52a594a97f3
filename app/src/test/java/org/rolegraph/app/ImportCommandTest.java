package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rolegraph import esco} as a user runs it, on the excerpts of real releases in the ingest module's fixtures. */
class ImportCommandTest {

    static final Path FIXTURES = Path.of("..", "ingest", "src", "test", "resources", "fixtures");

    @Test
    void importsAnEscoReleaseBesideTheCuratedDataWithWarningsByKindAndAOneLineSummary(@TempDir Path dir) {
        Path store = dir.resolve("store");
        Cli curated = Cli.run("ingest", "-q", "--store", store.toString(), Path.of("..", "data").toString());
        assertEquals(0, curated.exitCode(), curated.err());

        Cli esco = Cli.run("import", "esco", FIXTURES.resolve("esco-1.1.1").toString(), "--store", store.toString());
        assertEquals(0, esco.exitCode(), esco.err());
        List<String> out = esco.out().lines().toList();
        assertEquals(1, out.size(), esco.out());
        assertTrue(out.get(0).matches("imported ESCO classification v1\\.1\\.1: 8 files, 580 rows, [0-9,]+ quads in graph "
                + "https://w3id\\.org/rolegraph/graph/esco-1\\.1\\.1, 7 warnings, [0-9.]+ s \\([0-9,]+ rows/s\\) into .*store"), out.get(0));
        Path release = FIXTURES.resolve("esco-1.1.1");
        assertEquals(List.of(
                "warning: 1 broader relations naming an occupation or ISCO group that is not in the release (skipped) (first at "
                        + release.resolve("broaderRelationsOccPillar.csv") + ":30)",
                "warning: 3 skills with an empty skill type (kept without a type) (first at " + release.resolve("skills_en.csv") + ":370)",
                "warning: 3 relations naming an occupation that is not in the release (skipped) (first at "
                        + release.resolve("occupationSkillRelations.csv") + ":183)"),
                esco.err().lines().toList());

        // The curated roles are still there, beside the release.
        Cli described = Cli.run("describe", "--store", store.toString(), "delivery-manager");
        assertEquals(0, described.exitCode(), described.err());
    }

    @Test
    void aMalformedReleaseIsReportedWithLocationsAndAFirstImportLeavesNoStore(@TempDir Path dir) throws Exception {
        Path release = Files.createDirectories(dir.resolve("esco-1.2.0"));
        copyFixture("esco-1.2.0", release);
        Path groups = release.resolve("ISCOGroups_en.csv");
        Files.writeString(groups, Files.readString(groups).replaceFirst("\r\n", "\r\nISCOGroup,http://data.europa.eu/esco/isco/C9\r\n"));
        Path store = dir.resolve("store");
        Cli cli = Cli.run("import", "esco", release.toString(), "--store", store.toString());
        assertEquals(1, cli.exitCode());
        assertEquals(groups + ":2:1: this row has 2 fields where the header has 8 (a row cut short?)\n"
                + "1 problem in 1 file; nothing was written\n", cli.err());
        assertEquals("", cli.out());
        assertFalse(Files.exists(store));
    }

    @Test
    void theVersionComesFromTheFolderNameOrTheReleaseOption(@TempDir Path dir) throws Exception {
        Path release = Files.createDirectories(dir.resolve("download"));
        copyFixture("esco-1.2.0", release);
        Cli unnamed = Cli.run("import", "esco", release.toString());
        assertEquals(1, unnamed.exitCode());
        assertEquals(release + ":1:1: cannot tell the ESCO version from the folder's name: give it (for example --release 1.1.1)\n"
                + "1 problem in 1 file; nothing was written\n", unnamed.err());
        Cli named = Cli.run("import", "esco", release.toString(), "--release", "1.2.0");
        assertEquals(0, named.exitCode(), named.err());
        assertTrue(named.out().startsWith("imported ESCO classification v1.2.0: 3 files, 60 rows,"), named.out());
    }

    @Test
    void importsAnOnetReleaseIntoARemoteFusekiStoreAsOneGraph(@TempDir Path dir) throws Exception {
        org.apache.jena.sparql.core.DatasetGraph remote = org.rolegraph.ingest.Stores.inMemory();
        org.apache.jena.fuseki.main.FusekiServer fuseki = org.apache.jena.fuseki.main.FusekiServer.create().port(0).loopback(true)
                .add("/rolegraph", remote, true).build().start();
        try {
            String endpoint = "http://127.0.0.1:" + fuseki.getHttpPort() + "/rolegraph/sparql";
            Cli cli = Cli.run("import", "onet", FIXTURES.resolve("onet-29.3").toString(), "--endpoint", endpoint);
            assertEquals(0, cli.exitCode(), cli.err());
            assertTrue(cli.out().startsWith("imported O*NET 29.3 Database: 11 files, "), cli.out());
            assertTrue(cli.out().endsWith(" into http://127.0.0.1:" + fuseki.getHttpPort() + "/rolegraph/data\n"), cli.out());
            long reported = Long.parseLong(cli.out().replaceAll(".* rows, ([0-9,]+) quads in graph .*\\n", "$1").replace(",", ""));
            remote.begin(org.apache.jena.query.ReadWrite.READ);
            try {
                assertEquals(reported, remote.getGraph(org.apache.jena.graph.NodeFactory.createURI(
                        "https://w3id.org/rolegraph/graph/onet-29.3")).size(), "the count printed is the count the remote store holds");
            } finally {
                remote.end();
            }
            assertEquals(List.of("warning: 123 related occupations naming an occupation that is not in Occupation Data.txt (skipped)"
                    + " (first at " + FIXTURES.resolve("onet-29.3").resolve("Related Occupations.txt") + ":2)"), cli.err().lines().toList());
        } finally {
            fuseki.stop();
        }
    }

    /** Copies the files of a fixture release into {@code target}. */
    static void copyFixture(String name, Path target) throws java.io.IOException {
        try (var files = Files.list(FIXTURES.resolve(name))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }
}
