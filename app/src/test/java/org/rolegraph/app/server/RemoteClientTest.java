package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.rolegraph.app.EmbeddedData;
import org.rolegraph.model.IriScheme;
import org.rolegraph.query.Comparison;
import org.rolegraph.query.Comparisons;
import org.rolegraph.query.Roles;

/** Jena's remote RDFConnection, in another JVM, gets the answers the local store gives. */
class RemoteClientTest {

    @Test
    void aRemoteJenaClientInAnotherJvmGetsTheLocalAnswers() throws IOException, InterruptedException {
        DatasetGraph store = EmbeddedData.load(IriScheme.DEFAULT);
        FusekiServer server = RoleGraphServer.create(store).port(0).start();
        try {
            String endpoint = "http://localhost:" + server.getHttpPort() + RoleGraphServer.DATASET + "/sparql";
            Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RemoteClientMain.class.getName(), endpoint)
                    .redirectErrorStream(true).start();
            boolean done = client.waitFor(120, TimeUnit.SECONDS);
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(true, done, output);
            assertEquals(0, client.exitValue(), output);
            try (RDFConnection local = RDFConnection.connect(DatasetFactory.wrap(store))) {
                Comparison comparison = new Comparisons(local, IriScheme.DEFAULT).compare(List.of("product-manager", "delivery-manager"));
                List<String> expected = List.of(
                        "roles " + new Roles(local, IriScheme.DEFAULT).list().size(),
                        "shared " + comparison.sharedAndUnique().shared().size(),
                        "salaries " + comparison.salaries().get("delivery-manager").get(0).mean().toPlainString(),
                        "ask true");
                assertEquals(expected, output.lines().filter(l -> l.matches("(roles|shared|salaries|ask) .*")).toList(), output);
            }
        } finally {
            server.stop();
        }
    }
}
