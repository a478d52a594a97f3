package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports keep their bytes when the code changes: the SHA-256 of every export format, of role
 * documents and of one role's export, on the curated data set and on a generated one
 * (fixtures/generated-40-roles.json: the bench's RoleDataGenerator, 40 roles, seed 42, ingested into a
 * TDB2 store), must be the digests recorded in fixtures/export-digests.txt, which were taken before
 * the refactoring of issue 17 began. When the data or the output changes on purpose, the file is
 * rewritten by running this test with -Drolegraph.writeExportDigests=true, and the commit says why.
 */
class ExportBytesTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
    private static final Path DIGESTS = FIXTURES.resolve("export-digests.txt");
    private static final List<String> FORMATS = List.of("turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld");

    @Test
    void exportsAreTheBytesRecorded(@TempDir Path dir) throws IOException, NoSuchAlgorithmException {
        Path store = dir.resolve("store");
        Cli ingest = Cli.run("ingest", "-q", "--store", store.toString(), FIXTURES.resolve("generated-40-roles.json").toString());
        assertEquals(0, ingest.exitCode(), ingest.err());
        Map<String, List<String>> exports = new LinkedHashMap<>();
        for (String format : FORMATS) {
            exports.put("curated " + format, List.of("--format", format));
            exports.put("generated " + format, List.of("--format", format, "--store", store.toString()));
        }
        exports.put("curated role turtle", List.of("--role", "product-manager", "--format", "turtle"));
        exports.put("curated role jsonld", List.of("--role", "delivery-manager", "--role", "program-manager", "--format", "jsonld"));
        exports.put("curated framed", List.of("--role", "product-manager", "--format", "jsonld", "--frame"));
        exports.put("curated schema.org", List.of("--role", "product-manager", "--format", "jsonld", "--schema-org"));
        exports.put("curated source trig", List.of("--graph", "product-vs-delivery-manager", "--format", "trig"));
        exports.put("generated role turtle", List.of("--role", "role-000007", "--format", "turtle", "--store", store.toString()));

        StringBuilder actual = new StringBuilder();
        for (Map.Entry<String, List<String>> export : exports.entrySet()) {
            Path file = dir.resolve("export-" + actual.length());
            List<String> args = new ArrayList<>(List.of("export", "-q", "-o", file.toString()));
            args.addAll(export.getValue());
            Cli cli = Cli.run(args.toArray(String[]::new));
            assertEquals(0, cli.exitCode(), export.getKey() + ": " + cli.err());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            actual.append(export.getKey()).append('\t').append(HexFormat.of().formatHex(digest)).append('\n');
        }
        if (Boolean.getBoolean("rolegraph.writeExportDigests")) {
            Files.writeString(DIGESTS, actual.toString(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(DIGESTS, StandardCharsets.UTF_8), actual.toString(),
                "export bytes changed; if on purpose, rewrite " + DIGESTS + " (see this class's comment)");
    }
}
