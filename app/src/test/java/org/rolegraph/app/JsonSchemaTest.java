package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rolegraph.ingest.read.EntryHandler;
import org.rolegraph.ingest.read.EntryKind;
import org.rolegraph.ingest.read.Reporter;
import org.rolegraph.ingest.read.RoleDataReader;
import org.rolegraph.model.Ontology;

/** The published JSON Schema of the role-data format accepts the curated data and rejects bad files. */
class JsonSchemaTest {

    private static final JsonSchema SCHEMA = load();
    private static final Path FIXTURES = Path.of("..", "ingest", "src", "test", "resources", "fixtures");

    private static JsonSchema load() {
        try (InputStream in = Ontology.open(Ontology.ROLE_DATA_SCHEMA_RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<ValidationMessage> validate(Path file) throws IOException {
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new YAMLMapper();
        JsonNode document = mapper.readTree(file.toFile());
        return SCHEMA.validate(document);
    }

    static Stream<Path> curatedFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("..", "data"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(6, files.size());
        return Stream.concat(files.stream(), Stream.of(FIXTURES.resolve("good/base.yaml"), FIXTURES.resolve("good/base.json")));
    }

    @ParameterizedTest
    @MethodSource("curatedFiles")
    void acceptsTheCuratedDataAndTheGoodFixtures(Path file) throws IOException {
        Set<ValidationMessage> messages = validate(file);
        assertTrue(messages.isEmpty(), file + ": " + messages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-field.yaml", "missing-field.yaml", "wrong-type.yaml", "negative-salary.yaml",
        "non-numeric-salary.yaml", "salary-without-currency.yaml", "invalid-iri.yaml", "twenty-errors.yaml"})
    void rejectsTheBadFixtures(String name) throws IOException {
        assertFalse(validate(FIXTURES.resolve("bad/" + name)).isEmpty(), name);
    }

    /**
     * The format is specified twice, by the binder (RoleDataReader, what ingest reads with) and by the
     * schema (what editors check with): on every file that parses, both give the same verdict. The
     * binder's verdict is its own problems (syntax and structure), not references or shapes, which need
     * the other files and the store.
     */
    @ParameterizedTest
    @MethodSource("everyRoleDataFile")
    void theSchemaAndTheBinderGiveTheSameVerdict(Path file) throws IOException {
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new YAMLMapper();
        JsonNode document;
        try {
            document = mapper.readTree(file.toFile());
            if (!file.toString().endsWith(".json") && usesAliases(file)) {
                return; // YAML syntax the format refuses and Jackson reads as plain strings: nothing for the schema
            }
        } catch (IOException | RuntimeException e) {
            return; // not a document (bad syntax, bad UTF-8): the schema has nothing to judge
        }
        Set<ValidationMessage> schema = document == null ? Set.of() : SCHEMA.validate(document);
        List<String> binder = new java.util.ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new RoleDataReader().read(in, RoleDataReader.Format.of(file.toString()), new Reporter() {
                @Override
                public void problem(long line, long column, String message) {
                    binder.add(line + ":" + column + ": " + message);
                }

                @Override
                public void reference(EntryKind kind, String id, long line, long column) {
                    // checked against the other files and the store, not by the format
                }
            }, IGNORE_ENTRIES, (offset, entries) -> { });
        }
        assertEquals(binder.isEmpty(), schema.isEmpty(), file + "\nbinder: " + binder + "\nschema: " + schema);
    }

    private static boolean usesAliases(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file)) {
            for (org.yaml.snakeyaml.events.Event event : new org.yaml.snakeyaml.Yaml().parse(reader)) {
                if (event instanceof org.yaml.snakeyaml.events.AliasEvent) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final EntryHandler IGNORE_ENTRIES = new EntryHandler() {
        @Override
        public void source(org.rolegraph.model.records.Source source, long line, long column) { }

        @Override
        public void organization(org.rolegraph.model.records.Organization organization, long line, long column) { }

        @Override
        public void credential(org.rolegraph.model.records.Credential credential, long line, long column) { }

        @Override
        public void term(org.rolegraph.model.records.Term term, long line, long column) { }

        @Override
        public void role(org.rolegraph.model.records.Role role, long line, long column) { }
    };

    /** Every YAML and JSON file of the curated data and of the ingest fixtures, good and bad. */
    static Stream<Path> everyRoleDataFile() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (Path folder : List.of(Path.of("..", "data"), FIXTURES.resolve("good"), FIXTURES.resolve("bad"))) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() > 25, "role-data files: " + files.size());
        return files.stream();
    }
}
