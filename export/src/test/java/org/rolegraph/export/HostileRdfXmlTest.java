package org.rolegraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RDF/XML with external entities or an entity-expansion bomb: no content leaks, nothing connects. */
class HostileRdfXmlTest {

    private static final String HEAD = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ %s ]>\n"
            + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\">"
            + "<rdf:Description rdf:about=\"http://example.org/x\"><ex:p>%s</ex:p></rdf:Description></rdf:RDF>";

    private static DatasetGraph read(String xml) {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        RdfFiles.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Lang.RDFXML, StreamRDFLib.dataset(dataset));
        return dataset;
    }

    @Test
    void aFileEntityIsNotRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the secret text");
        DatasetGraph dataset = read(String.format(HEAD, "<!ENTITY s SYSTEM \"" + secret.toUri() + "\">", "&s;"));
        String everything = dataset.getDefaultGraph().find().toList().toString();
        assertFalse(everything.contains("secret text"), everything);
    }

    @Test
    void anHttpEntityMakesNoConnection() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread accept = new Thread(() -> {
                try {
                    listener.accept().close();
                    connections.incrementAndGet();
                } catch (IOException e) {
                    // closed when the test ends
                }
            });
            accept.setDaemon(true);
            accept.start();
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/entity";
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    read(String.format(HEAD, "<!ENTITY s SYSTEM \"" + url + "\">", "&s;"));
                } catch (RuntimeException refused) {
                    // refusing is as good as ignoring; connecting is not
                }
            });
            assertEquals(0, connections.get());
        }
    }

    @Test
    void anEntityExpansionBombIsRefusedInBoundedTime() {
        StringBuilder entities = new StringBuilder("<!ENTITY a \"lollollollollollollollollollol\">");
        char previous = 'a';
        for (char name = 'b'; name <= 'j'; name++) {
            entities.append("<!ENTITY ").append(name).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
            previous = name;
        }
        String bomb = String.format(HEAD, entities, "&j;");
        RuntimeException refused = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(RuntimeException.class, () -> read(bomb)));
        assertTrue(refused.getMessage().contains("entity expansions"), refused.getMessage());
    }
}
