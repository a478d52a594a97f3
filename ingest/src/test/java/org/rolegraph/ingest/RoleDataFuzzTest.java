package org.rolegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.ingest.read.RoleDataReader;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the whole ingest (reader, binder, mapper, SHACL check) with arbitrary bytes as YAML, JSON or
 * CSV. Whatever the input, the ingest either commits or reports located problems naming the input,
 * and a failed ingest leaves the store as it was. Any other exception, a StackOverflowError or an
 * OutOfMemoryError is a finding.
 *
 * <p>In {@code mvn verify} this runs the committed corpus (resources {@code RoleDataFuzzTestInputs});
 * the reliability profile fuzzes it for a bounded time (JAZZER_FUZZ=1) and a crash is saved there as a
 * new regression input.
 */
class RoleDataFuzzTest {
    private static final RoleDataReader.Format[] FORMATS = RoleDataReader.Format.values();
    private static DatasetGraph store;

    @FuzzTest(maxDuration = "30s")
    void ingestCommitsOrReportsLocatedProblems(FuzzedDataProvider data) throws Exception {
        if (store == null) {
            store = Fixtures.baseStore();
        }
        RoleDataReader.Format format = FORMATS[data.consumeInt(0, FORMATS.length - 1)];
        byte[] bytes = data.consumeRemainingAsBytes();
        String name = "fuzz." + format.name().toLowerCase();
        long before = size(store);
        try {
            IngestResult result = Ingest.create().loadInputs(store,
                    List.of(new Ingest.Input(name, format, () -> new ByteArrayInputStream(bytes), bytes.length)));
            assertTrue(result.committed());
        } catch (IngestException e) {
            assertFalse(e.problems().isEmpty());
            for (Problem problem : e.problems()) {
                assertTrue(problem.file().equals(name), problem.toString());
                assertTrue(problem.line() >= 1 && problem.column() >= 1, problem.toString());
                assertFalse(problem.message().isBlank(), problem.toString());
            }
            assertEquals(before, size(store), "a failed ingest leaves the store as it was");
        }
    }

    private static long size(DatasetGraph dsg) {
        dsg.begin(ReadWrite.READ);
        try {
            return org.apache.jena.atlas.iterator.Iter.count(dsg.find());
        } finally {
            dsg.end();
        }
    }
}
