package org.rolegraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of bad input is reported with its file, line, column and a message saying what is wrong,
 * and the store is left exactly as it was. Positions were checked by hand against the fixtures.
 */
class BadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed.yaml            | 5 | 12  | a list in brackets ('[') that is never closed: end it with ']'
            malformed.json            | 6 | 3   | syntax error: Unexpected close marker ']'
            malformed.csv             | 3 | 1   | syntax error: Missing closing quote
            unknown-field.yaml        | 6 | 5   | unknown field 'salary_band' in role
            missing-field.yaml        | 4 | 5   | missing required field 'id'
            null-field.yaml           | 4 | 5   | credential is missing required field 'recognizedBy'
            wrong-type.yaml           | 6 | 12  | 'focus' must be a list, not a string
            duplicate-id.yaml         | 6 | 5   | duplicate role id 'gamma-manager' (first declared at line 4)
            unknown-role.yaml         | 7 | 15  | unknown role 'alpha-manger': not declared in these files nor in the store (did you mean 'alpha-manager'?)
            unknown-source.yaml       | 5 | 13  | unknown source 'nowhere-article'
            invalid-iri.yaml          | 7 | 15  | 'http://example.org/has space' in 'iri' is not a valid IRI
            negative-salary.yaml      | 6 | 19  | salary figure 'average' must not be negative: -5
            non-numeric-salary.yaml   | 6 | 19  | salary figure 'average' must be a number, not a string
            salary-without-currency.yaml | 6 | 9 | salary has no currency
            proxy-without-measures.yaml | 6 | 62 | a proxy salary must say what it measures
            measures-without-name.yaml | 9 | 19 | missing required field 'name'
            invalid-utf8.yaml         | 5 | 19  | not valid UTF-8: byte 0xFF cannot start a character
            invalid-utf8.json         | 2 | 54  | Invalid UTF-8 middle byte 0x28
            utf16.yaml                | 1 | 1   | not valid UTF-8: byte 0xFF cannot start a character
            empty.yaml                | 1 | 1   | file is empty
            empty.json                | 1 | 1   | file is empty
            alias-bomb.yaml           | 9 | 20  | YAML aliases (*a) are not supported
            deep.json                 | 1 | 187 | nesting deeper than 64 levels
            deep.yaml                 | 6 | 74  | nesting deeper than 64 levels
            """)
    void reportsTheProblemWhereItIsAndLeavesTheStoreUnchanged(String fixture, long line, long column, String message)
            throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        Set<String> before = Fixtures.quads(store);

        IngestException failure = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                IngestException.class, () -> Ingest.create().load(store, List.of(Fixtures.path("bad/" + fixture)))));

        List<Problem> problems = failure.problems();
        Problem first = problems.get(0);
        assertTrue(first.file().endsWith(fixture), first.toString());
        assertEquals(line, first.line(), first.toString());
        assertEquals(column, first.column(), first.toString());
        assertTrue(first.message().contains(message), "expected '" + message + "' in: " + first);
        assertEquals(before, Fixtures.quads(store), "a failed ingest must leave the store as it was");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"alias-bomb.yaml", "deep.json", "deep.yaml"})
    void hostileFilesFailFastWithinASmallHeap(String fixture) {
        // Jackson never expands YAML aliases and both parsers stop at the nesting limit, so these
        // finish at once; the timeout catches a regression that starts expanding or recursing.
        DatasetGraph store = Stores.inMemory();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IngestException.class,
                () -> Ingest.create().load(store, List.of(Fixtures.path("bad/" + fixture)))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"base.yaml", "base.json"})
    void aByteOrderMarkIsHarmless(String fixture, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path withBom = dir.resolve(fixture);
        byte[] bytes = java.nio.file.Files.readAllBytes(Fixtures.path("good/" + fixture));
        java.nio.file.Files.write(withBom, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        java.nio.file.Files.write(withBom, bytes, java.nio.file.StandardOpenOption.APPEND);
        DatasetGraph store = Stores.inMemory();
        Ingest.create().load(store, List.of(withBom));
        assertEquals(Fixtures.quads(Fixtures.baseStore()), Fixtures.quads(store));
    }

    @org.junit.jupiter.api.Test
    void reportsAllTwentyErrorsOfAFileWithTheirLines() throws Exception {
        DatasetGraph store = Fixtures.baseStore();
        Set<String> before = Fixtures.quads(store);
        IngestException failure = assertThrows(IngestException.class,
                () -> Ingest.create().load(store, List.of(Fixtures.path("bad/twenty-errors.yaml"))));

        // One deliberate error on each of these lines of the fixture.
        List<Long> expectedLines = List.of(5L, 8L, 12L, 14L, 18L, 20L, 22L, 24L, 26L, 28L, 30L, 31L, 32L, 33L, 34L,
                36L, 38L, 40L, 41L, 43L);
        assertEquals(expectedLines, failure.problems().stream().map(Problem::line).toList(),
                failure.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")));
        assertTrue(failure.problems().stream().allMatch(p -> p.file().endsWith("twenty-errors.yaml")));
        assertEquals(before, Fixtures.quads(store));
    }

    @org.junit.jupiter.api.Test
    void aBadFileInABatchKeepsTheGoodFilesOutToo() throws Exception {
        DatasetGraph store = Stores.inMemory();
        Set<String> before = Fixtures.quads(store);
        assertThrows(IngestException.class, () -> Ingest.create().load(store,
                List.of(Fixtures.path("good/base.yaml"), Fixtures.path("bad/negative-salary.yaml"))));
        assertEquals(before, Fixtures.quads(store));
        assertTrue(before.isEmpty());
    }

    @org.junit.jupiter.api.Test
    void unknownFileTypeIsReported() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("roles", ".txt");
        try {
            IngestException failure = assertThrows(IngestException.class,
                    () -> Ingest.create().load(Stores.inMemory(), List.of(file)));
            assertTrue(failure.problems().get(0).message().startsWith("unknown file type"));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
