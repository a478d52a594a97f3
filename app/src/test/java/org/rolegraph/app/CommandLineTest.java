package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands of issue 2 on the embedded data set, on a TDB2 store, and on bad input. */
class CommandLineTest {

    /** The roles the curated data set must hold (issue 2). */
    static final List<String> REQUIRED_ROLES = List.of("product-manager", "project-manager", "delivery-manager",
            "product-owner", "program-manager", "product-marketing-manager", "associate-product-manager",
            "senior-product-manager", "group-product-manager", "head-of-product", "vp-of-product",
            "chief-product-officer", "project-coordinator", "product-engineer", "production-manager", "service-manager");

    private static final Path FIXTURES = Path.of("..", "ingest", "src", "test", "resources", "fixtures");

    @Test
    void rolesListsEveryRequiredRoleWithItsLabelAndFamily() {
        Cli cli = Cli.run("roles");
        assertEquals(0, cli.exitCode(), cli.err());
        for (String id : REQUIRED_ROLES) {
            assertTrue(cli.out().lines().anyMatch(line -> line.startsWith(id + " ")), "missing role " + id);
        }
        assertTrue(cli.out().lines().anyMatch(line -> line.matches("delivery-manager\\s+Delivery manager\\s+Delivery management")));
    }

    @Test
    void describeDeliveryManagerShowsItsDutiesCertificationsSalaryAndAspectsWithSources() {
        Cli cli = Cli.run("describe", "delivery-manager");
        assertEquals(0, cli.exitCode(), cli.err());
        String out = cli.out();
        // Checked against seed articles 000 (duties, certifications, salary) and 001 (the aspects table).
        for (String expected : List.of(
                "Responsibilities", "Manage budgets", "Handle client escalations",
                "ASQ certification, granted by American Society for Quality (ASQ)",
                "CSCMP certification, granted by Council of Supply Chain Management Professionals (CSCMP)",
                "average 66,214 USD per year",
                "Focus", "Long-term service delivery and client relationships",
                "Scope", "Several projects or ongoing services at once",
                "Timeframe", "continuous",
                "Decision level", "strategic", "operational",
                "Success measures", "Client satisfaction", "Adherence to SLAs and KPIs",
                "Product Manager vs. Delivery Manager: What Are the Differences?",
                "Delivery Manager vs Project Manager: Key Differences You Need to Know")) {
            assertTrue(out.contains(expected), "describe lacks: " + expected + "\n" + out);
        }
        // The salary line carries the footnote of the article that gives it.
        int start = out.indexOf("average 66,214");
        int end = out.indexOf("\n  - ", start) < 0 ? out.indexOf("\n\n", start) : Math.min(out.indexOf("\n  - ", start),
                out.indexOf("\n\n", start));
        String salary = out.substring(start, end).replace("\n", " ").strip();
        String footnote = salary.replaceAll(".*\\[(\\d+)]$", "$1");
        assertTrue(out.lines().anyMatch(l -> l.strip().startsWith("[" + footnote + "] Product Manager vs. Delivery Manager")),
                "the salary's footnote must point at seed article 000:\n" + out);
    }

    @Test
    void anUnknownRoleNamesTheClosestIdsAndFails() {
        Cli cli = Cli.run("describe", "delivry-manager");
        assertEquals(1, cli.exitCode());
        assertTrue(cli.err().contains("unknown role 'delivry-manager'; closest ids: delivery-manager"), cli.err());
        assertFalse(cli.err().contains("Exception"), cli.err());
    }

    @Test
    void validateReportsAllTwentyErrorsWithTheirLinesAndFails() {
        Cli cli = Cli.run("validate", FIXTURES.resolve("good/base.yaml").toString(),
                FIXTURES.resolve("bad/twenty-errors.yaml").toString());
        assertEquals(1, cli.exitCode());
        List<String> problems = cli.err().lines().filter(l -> l.contains("twenty-errors.yaml:")).toList();
        assertEquals(20, problems.size(), cli.err());
        assertTrue(problems.stream().allMatch(l -> l.matches(".*twenty-errors\\.yaml:\\d+:\\d+: .+")), cli.err());
        assertTrue(cli.err().contains("20 problems in 1 file; nothing was written"), cli.err());
    }

    @Test
    void validateAcceptsTheCuratedDataSet() {
        Cli cli = Cli.run("validate", Path.of("..", "data").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().startsWith("ok: validated 6 files"), cli.out());
    }

    @Test
    void ingestIntoAStoreThenQueryIt(@TempDir Path dir) {
        Path store = dir.resolve("store");
        Cli first = Cli.run("ingest", "--store", store.toString(), FIXTURES.resolve("good/base.yaml").toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().startsWith("ingested 1 file: "), first.out());
        Cli again = Cli.run("ingest", "--store", store.toString(), FIXTURES.resolve("good/base.yaml").toString());
        assertEquals(first.out().replaceAll(", [0-9.]+ s \\(\\d+ quads/s\\)", ""),
                again.out().replaceAll(", [0-9.]+ s \\(\\d+ quads/s\\)", ""));

        Cli roles = Cli.run("roles", "--store", store.toString());
        assertEquals(0, roles.exitCode(), roles.err());
        assertEquals(List.of("alpha-manager", "beta-manager"),
                roles.out().lines().skip(1).map(l -> l.split("\\s+")[0]).toList());

        Cli bad = Cli.run("ingest", "--store", store.toString(), FIXTURES.resolve("bad/negative-salary.yaml").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("negative-salary.yaml:6:19: salary figure 'average' must not be negative: -5"), bad.err());
        Cli after = Cli.run("describe", "--store", store.toString(), "alpha-manager");
        assertTrue(after.out().contains("average 1,000.5 EUR per month"), after.out());
        assertFalse(after.out().contains("-5"), after.out());
    }

    @Test
    void theQuadCountAnIngestPrintsIsTheCountItsGraphsHold(@TempDir Path dir) throws java.io.IOException {
        // The curated data restates some entries in several files: a triple written twice is stored once.
        Path store = dir.resolve("store");
        Cli cli = Cli.run("ingest", "--store", store.toString(), Path.of("..", "data").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        long printed = Long.parseLong(cli.out().replaceAll("(?s).* entries, (\\d+) quads in .*", "$1"));
        Path count = dir.resolve("count.rq");
        java.nio.file.Files.writeString(count, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        Cli counted = Cli.run("query", "--store", store.toString(), "--format", "csv", count.toString());
        assertEquals(0, counted.exitCode(), counted.err());
        assertEquals(List.of("n", Long.toString(printed)), counted.out().lines().toList(), cli.out());
    }

    @Test
    void aReadCommandOnAMissingStoreNamesThePathAndCreatesNothing(@TempDir Path dir) {
        Path typo = dir.resolve("stroe");
        for (String[] args : List.of(new String[] {"roles", "--store", typo.toString()},
                new String[] {"describe", "--store", typo.toString(), "delivery-manager"},
                new String[] {"validate", "--store", typo.toString(), FIXTURES.resolve("good/base.yaml").toString()})) {
            Cli cli = Cli.run(args);
            assertEquals(3, cli.exitCode(), cli.err());
            assertEquals("rolegraph: --store " + typo + ": there is no store here (no such directory); an ingest with --store creates one\n",
                    cli.err());
            assertFalse(java.nio.file.Files.exists(typo), String.join(" ", args) + " created nothing");
        }
    }

    @Test
    void aFailedFirstIngestLeavesNoStoreBehind(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        Cli bad = Cli.run("ingest", "--store", store.toString(), FIXTURES.resolve("bad/negative-salary.yaml").toString());
        assertEquals(1, bad.exitCode());
        assertFalse(java.nio.file.Files.exists(store));
        try (var left = java.nio.file.Files.list(dir)) {
            assertEquals(0, left.count(), "nothing beside it either");
        }
    }

    @Test
    void anIngestNeverWritesIntoADirectoryOfOtherFiles(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "mine");
        Cli cli = Cli.run("ingest", "--store", dir.toString(), FIXTURES.resolve("good/base.yaml").toString());
        assertEquals(3, cli.exitCode());
        assertEquals("rolegraph: --store " + dir + ": not a TDB2 store (a directory with other files in it); give a new or empty directory\n",
                cli.err());
        try (var left = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(dir.resolve("notes.txt")), left.toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles", "describe", "validate", "ingest"})
    void everyCommandHasHelp(String command) {
        Cli cli = Cli.run(command, "--help");
        assertEquals(0, cli.exitCode());
        assertTrue(cli.out().startsWith("Usage: rolegraph " + command), cli.out());
    }

    @Test
    void versionNamesJena() {
        Cli cli = Cli.run("--version");
        assertEquals(0, cli.exitCode());
        assertTrue(cli.out().contains("Apache Jena 5.6.0"), cli.out());
    }
}
