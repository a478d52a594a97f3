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
}
