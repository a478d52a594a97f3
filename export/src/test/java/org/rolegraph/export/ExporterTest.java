package org.rolegraph.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rolegraph.model.Ontology;
import org.rolegraph.model.RG;

/** Every format round-trips, output is byte-identical run after run, files are never half-written. */
class ExporterTest {

    private static byte[] export(DatasetGraph store, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.create(store).format(format).writeTo(out);
        return out.toByteArray();
    }

    private static DatasetGraph parse(byte[] bytes, ExportFormat format) {
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        RdfFiles.parse(new ByteArrayInputStream(bytes), format.lang(), StreamRDFLib.dataset(parsed));
        return parsed;
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void everyFormatParsesBackToTheSameDataIncludingTheEdgeCases(ExportFormat format) {
        for (String fixture : List.of("edge-cases.trig", "roles.trig")) {
            DatasetGraph store = Stores.load(fixture, false);
            DatasetGraph parsed = parse(export(store, format), format);
            List<Triple> metadata = Stores.removeMetadata(parsed);
            DatasetGraph expected = format.carriesGraphs() ? Stores.copy(store) : Stores.union(store);
            assertTrue(IsoMatcher.isomorphic(expected, parsed), format + " " + fixture + " did not round-trip");
            // The full export's VoID triple count is the number of distinct triples in the union.
            long count = metadata.stream().filter(t -> t.getPredicate().equals(VOID.triples.asNode())).findFirst()
                    .map(t -> Long.parseLong(t.getObject().getLiteralLexicalForm())).orElseThrow();
            assertEquals(Stores.union(store).getDefaultGraph().size(), count, format + " " + fixture);
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void theSameDataGivesTheSameBytesWhateverTheOrderItWasLoadedIn(ExportFormat format) {
        byte[] first = export(Stores.load("roles.trig", false), format);
        byte[] second = export(Stores.load("roles.trig", true), format);
        assertArrayEquals(first, second, format.key());
        assertArrayEquals(first, export(Stores.load("roles.trig", false), format), format.key());
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void aStoreTooLargeToSortInMemoryStreamsTheSameBytesSubjectBySubject(ExportFormat format) {
        for (String fixture : List.of("roles.trig", "edge-cases.trig")) {
            DatasetGraph store = Stores.load(fixture, false);
            ByteArrayOutputStream sorted = new ByteArrayOutputStream();
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            Exporter.create(store).format(format).writeTo(sorted);
            Exporter.create(store).format(format).inMemoryLimit(10).writeTo(streamed);
            if (fixture.equals("roles.trig")) {
                assertArrayEquals(sorted.toByteArray(), streamed.toByteArray(), format.key());
            }
            // With blank nodes the labels may differ; the graph may not.
            DatasetGraph parsed = parse(streamed.toByteArray(), format);
            Stores.removeMetadata(parsed);
            DatasetGraph expected = format.carriesGraphs() ? Stores.copy(store) : Stores.union(store);
            assertTrue(IsoMatcher.isomorphic(expected, parsed), format + " " + fixture);
        }
    }

    @Test
    void jsonLdKeepsDecimalsDatesAndIrisTyped() {
        DatasetGraph store = Stores.load("roles.trig", false);
        byte[] bytes = export(store, ExportFormat.JSONLD);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"mean\" : \"100000.0\""), json);
        assertFalse(json.contains(": 100000"), "a number in JSON would come back as xsd:integer or xsd:double");
        Graph parsed = Stores.union(parse(bytes, ExportFormat.JSONLD)).getDefaultGraph();
        Node salary = NodeFactory.createURI("https://w3id.org/rolegraph/role/lead#salary-one-1");
        Node mean = parsed.find(salary, RG.mean.asNode(), Node.ANY).next().getObject();
        assertEquals(XSDDatatype.XSDdecimal.getURI(), mean.getLiteralDatatypeURI());
        assertEquals("100000.0", mean.getLiteralLexicalForm());
        Node provider = parsed.find(salary, RG.provider.asNode(), Node.ANY).next().getObject();
        assertTrue(provider.isURI());
        assertTrue(json.contains("\"@context\" : {"), "the context is embedded");
    }

    @Test
    void quadFormatsKeepEachSourcesGraphAndOthersCarryTheUnion() {
        DatasetGraph store = Stores.load("roles.trig", false);
        DatasetGraph trig = parse(export(store, ExportFormat.TRIG), ExportFormat.TRIG);
        assertTrue(trig.containsGraph(NodeFactory.createURI("https://w3id.org/rolegraph/graph/one")));
        assertTrue(trig.containsGraph(NodeFactory.createURI("https://w3id.org/rolegraph/graph/two")));
        DatasetGraph turtle = parse(export(store, ExportFormat.TURTLE), ExportFormat.TURTLE);
        assertFalse(turtle.listGraphNodes().hasNext());
    }

    @Test
    void oneSourcesGraphAlone() {
        DatasetGraph store = Stores.load("roles.trig", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.create(store).format(ExportFormat.NTRIPLES).graph("two").writeTo(out);
        DatasetGraph parsed = parse(out.toByteArray(), ExportFormat.NTRIPLES);
        DatasetGraph expected = DatasetGraphFactory.createTxnMem();
        store.begin(org.apache.jena.query.ReadWrite.READ);
        store.find(NodeFactory.createURI("https://w3id.org/rolegraph/graph/two"), Node.ANY, Node.ANY, Node.ANY)
                .forEachRemaining(q -> expected.getDefaultGraph().add(q.asTriple()));
        store.end();
        assertTrue(IsoMatcher.isomorphic(expected, parsed), "only source two's graph, and no metadata");
    }

    @Test
    void oneRoleWithWhatItPointsAt() {
        DatasetGraph store = Stores.load("roles.trig", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.create(store).format(ExportFormat.NQUADS).roles(List.of("lead")).writeTo(out);
        String nquads = out.toString(StandardCharsets.UTF_8);
        assertTrue(nquads.contains("<https://w3id.org/rolegraph/responsibility/hire> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Hire\"@en"));
        assertTrue(nquads.contains("<https://w3id.org/rolegraph/role/lead#salary-two-1> <http://schema.org/median>"));
        assertTrue(nquads.contains("<https://w3id.org/rolegraph/source/two> <http://purl.org/dc/terms/title>"));
        assertTrue(nquads.contains("<https://w3id.org/rolegraph/organization/press> <http://schema.org/name>"));
        assertFalse(nquads.contains("<https://w3id.org/rolegraph/role/member> "), "another role's statements stay out");
        assertThrows(IllegalArgumentException.class,
                () -> Exporter.create(store).roles(List.of("nobody")).writeTo(new ByteArrayOutputStream()));
    }

    @Test
    void theOntologyAloneIsTheShippedOntology() {
        DatasetGraph store = Stores.load("roles.trig", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.create(store).format(ExportFormat.TURTLE).content(Exporter.Content.ONTOLOGY).writeTo(out);
        Graph parsed = parse(out.toByteArray(), ExportFormat.TURTLE).getDefaultGraph();
        assertTrue(parsed.isIsomorphicWith(Ontology.ontology().getGraph()));
    }

    @Test
    void aFailedExportLeavesTheExistingFileAndNoPartialFile(@TempDir Path dir) throws IOException {
        DatasetGraph store = Stores.load("roles.trig", false);
        Path target = dir.resolve("roles.ttl");
        Files.writeString(target, "the previous export\n");
        RuntimeException interrupted = assertThrows(RuntimeException.class, () -> Exporter.create(store)
                .listener(count -> {
                    throw new IllegalStateException("interrupted after " + count + " statements");
                })
                .writeTo(target));
        assertTrue(interrupted.getMessage().startsWith("interrupted"));
        assertEquals("the previous export\n", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
        }
        ExportResult result = Exporter.create(store).writeTo(target);
        assertEquals(Files.size(target), result.bytes());
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertTrue(Files.readString(target).contains("\"Lead\"@en"));
    }

    @Test
    void anUnwritablePlaceGivesAnIoErrorAndNoFile(@TempDir Path dir) {
        DatasetGraph store = Stores.load("roles.trig", false);
        Path target = dir.resolve("no-such-directory").resolve("roles.ttl");
        assertThrows(IOException.class, () -> Exporter.create(store).writeTo(target));
        assertFalse(Files.exists(target));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void aFullDiskGivesAnIoErrorAndLeavesTheExistingFile(ExportFormat format) throws IOException {
        DatasetGraph store = DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < 2_000; i++) {
            Node role = NodeFactory.createURI("https://example.org/role/r" + i);
            store.add(Quad.create(NodeFactory.createURI("https://example.org/graph/g"), role, NodeFactory.createURI(RG.NS + "roleTitle"),
                    NodeFactory.createLiteralLang("Role number " + i + " with a title long enough to fill blocks", "en")));
        }
        // A 64 KiB disk: the export (well over 100 KiB in every format) cannot fit.
        try (FileSystem disk = Jimfs.newFileSystem(Configuration.unix().toBuilder().setBlockSize(4096).setMaxSize(64 * 1024).build())) {
            Path dir = disk.getPath("/exports");
            Files.createDirectory(dir);
            Path target = dir.resolve("roles." + format.extension());
            Files.writeString(target, "the previous export\n");
            IOException full = assertThrows(IOException.class, () -> Exporter.create(store).format(format).writeTo(target));
            assertTrue(full.getMessage() != null && !full.getMessage().isBlank(), String.valueOf(full));
            assertEquals("the previous export\n", Files.readString(target));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
            }
        }
    }
}
