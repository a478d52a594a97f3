package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolegraph align} on the curated data and the excerpts of ESCO v1.1.1 and O*NET 29.3. The
 * pairs expected were found by reading the fixtures and data/catalog.yaml: O*NET gives "Project
 * Manager" and "Project Coordinator" as alternate titles of 13-1082.00 and ESCO "project leader" as
 * one of project manager's, which the curated project manager, project coordinator and project
 * leader do not link to yet; ESCO's project manager is already an exact match of the curated project
 * manager, so that pair is not proposed again.
 */
class AlignCommandTest {

    @Test
    void proposesLinksByNameAsAFileThatIngestsAfterReviewAndWritesNothingItself(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        for (String[] args : new String[][] {
                {"ingest", "-q", "--store", store.toString(), Path.of("..", "data").toString()},
                {"import", "esco", "-q", ImportCommandTest.FIXTURES.resolve("esco-1.1.1").toString(), "--store", store.toString()},
                {"import", "onet", "-q", ImportCommandTest.FIXTURES.resolve("onet-29.3").toString(), "--store", store.toString()}}) {
            assertEquals(0, Cli.run(args).exitCode(), String.join(" ", args));
        }
        Cli align = Cli.run("align", "--store", store.toString());
        assertEquals(0, align.exitCode(), align.err());
        List<String> lines = align.out().lines().toList();
        assertTrue(lines.contains("format: rolegraph/1"), align.out());
        assertProposal(lines, "project-manager", "      # 0.90: preferred label 'Project manager' is the alternative label 'Project Manager'"
                + " (Project Management Specialists, onet:13-1082.00)", "https://w3id.org/rolegraph/onet/occupation/13-1082.00");
        assertProposal(lines, "project-coordinator", "      # 0.90: preferred label 'Project coordinator' is the alternative label"
                + " 'Project Coordinator' (Project Management Specialists, onet:13-1082.00)",
                "https://w3id.org/rolegraph/onet/occupation/13-1082.00");
        assertProposal(lines, "project-leader", "      # 0.90: preferred label 'Project leader' is the alternative label 'project leader'"
                + " (project manager, esco:bea99fea-0383-4c63-b944-70d4799de2c5)",
                "http://data.europa.eu/esco/occupation/bea99fea-0383-4c63-b944-70d4799de2c5");
        // Shared words score lower: 0.7 times the Jaccard index of the words, here 2 of 3.
        assertProposal(lines, "junior-product-manager", "      # 0.47: preferred label 'Junior product manager' and preferred label"
                + " 'product manager' share 2 of 3 words (product manager, esco:9f508305-80ce-4111-8722-f2c9b4a44890)",
                "http://data.europa.eu/esco/occupation/9f508305-80ce-4111-8722-f2c9b4a44890");
        assertFalse(block(lines, "project-manager").contains(
                "      - {iri: \"http://data.europa.eu/esco/occupation/bea99fea-0383-4c63-b944-70d4799de2c5\"}"),
                "ESCO's project manager is already an exact match of the curated one");

        // Nothing was written: the project leader links to no occupation so far.
        Cli before = Cli.run("describe", "--store", store.toString(), "project-leader");
        assertFalse(before.out().contains("From "), before.out());
        // Reviewed (here: kept as proposed), the file ingests and the links appear.
        Path file = Files.writeString(dir.resolve("alignment.yaml"), align.out());
        Cli ingest = Cli.run("ingest", "-q", "--store", store.toString(), file.toString());
        assertEquals(0, ingest.exitCode(), ingest.err());
        Cli after = Cli.run("describe", "--store", store.toString(), "project-leader");
        assertTrue(after.out().contains("From project manager (esco:bea99fea-0383-4c63-b944-70d4799de2c5), a close occupation in a taxonomy"),
                after.out());
    }

    private static void assertProposal(List<String> lines, String role, String comment, String iri) {
        List<String> block = block(lines, role);
        int commentLine = block.indexOf(comment);
        assertTrue(commentLine >= 0, role + ": " + block);
        assertEquals("      - {iri: \"" + iri + "\"}", block.get(commentLine + 1));
    }

    /** The lines proposed for one role. */
    private static List<String> block(List<String> lines, String role) {
        int at = lines.indexOf("  - id: " + role);
        assertTrue(at >= 0, "no proposals for " + role + ": " + lines);
        int next = at + 1;
        while (next < lines.size() && !lines.get(next).startsWith("  - id: ")) {
            next++;
        }
        return lines.subList(at, next);
    }
}
