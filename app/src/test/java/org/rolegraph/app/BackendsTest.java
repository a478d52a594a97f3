package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same commands give the same answers on the three backends: the embedded data set in memory, a
 * TDB2 store on disk, and a real Fuseki server in another JVM, loaded through the Graph Store Protocol
 * by {@code rolegraph ingest --endpoint}.
 */
class BackendsTest {

    private static PeerStores.Peer fuseki;
    private static String endpoint;
    private static Path store;

    @BeforeAll
    static void startFusekiAndLoadAllBackends() throws Exception {
        fuseki = PeerStores.fuseki(true);
        endpoint = "http://127.0.0.1:" + fuseki.port() + "/rolegraph/sparql";

        List<String> remoteArgs = new ArrayList<>(List.of("ingest", "--endpoint", endpoint));
        remoteArgs.addAll(dataFiles());
        Cli remote = Cli.run(remoteArgs.toArray(String[]::new));
        assertEquals(0, remote.exitCode(), remote.err());
        assertTrue(remote.out().contains("into http://127.0.0.1:"), remote.out());

        store = Files.createTempDirectory("rolegraph-store");
        List<String> args = new ArrayList<>(List.of("ingest", "--store", store.toString()));
        args.addAll(dataFiles());
        Cli local = Cli.run(args.toArray(String[]::new));
        assertEquals(0, local.exitCode(), local.err());
    }

    /** The curated data set, in the order the embedded index loads it. */
    private static List<String> dataFiles() {
        return EmbeddedData.inputs().stream().map(input -> Path.of("..").resolve(input.name()).toString()).toList();
    }

    @AfterAll
    static void stopFuseki() throws Exception {
        if (fuseki != null) {
            fuseki.close();
        }
    }

    private static void sameOnEveryBackend(String... command) {
        Cli embedded = Cli.run(command);
        assertEquals(0, embedded.exitCode(), embedded.err());
        assertTrue(embedded.out().length() > 20, embedded.out());
        List<String> onStore = new ArrayList<>(List.of(command));
        onStore.addAll(List.of("--store", store.toString()));
        Cli tdb2 = Cli.run(onStore.toArray(String[]::new));
        List<String> onEndpoint = new ArrayList<>(List.of(command));
        onEndpoint.addAll(List.of("--endpoint", endpoint));
        Cli remote = Cli.run(onEndpoint.toArray(String[]::new));
        assertEquals(embedded.out(), tdb2.out(), "TDB2 store differs: " + tdb2.err());
        assertEquals(embedded.out(), remote.out(), "remote endpoint differs: " + remote.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "csv", "markdown"})
    void compareIsTheSameEverywhere(String format) {
        sameOnEveryBackend("compare", "product-manager", "delivery-manager", "--format", format);
    }

    @Test
    void listingDescribingRankingAndChainsAreTheSameEverywhere() {
        sameOnEveryBackend("roles");
        sameOnEveryBackend("describe", "delivery-manager");
        sameOnEveryBackend("similar", "product-manager", "--top", "3");
        sameOnEveryBackend("chain", "associate-product-manager");
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles", "reporting-lines", "disagreements"})
    void catalogQueriesWithoutParametersAreTheSameEverywhere(String name) {
        sameOnEveryBackend("query", name, "--format", "csv");
    }

    @Test
    void catalogQueriesWithParametersAreTheSameEverywhere() {
        sameOnEveryBackend("query", "salaries", "--param", "role=product-manager", "--param", "role=delivery-manager",
                "--format", "csv");
        sameOnEveryBackend("query", "fit", "--param", "timeframe=continuous", "--param", "keyword=client", "--format", "tsv");
        sameOnEveryBackend("query", "shared-and-unique", "--param", "role=product-manager", "--param",
                "role=delivery-manager", "--format", "json");
    }

    @Test
    void reingestingIntoTheEndpointReplacesRatherThanDuplicates() {
        Cli before = Cli.run("query", "salaries", "--param", "role=product-manager", "--format", "csv", "--endpoint", endpoint);
        Cli again = Cli.run("ingest", "--endpoint", endpoint, "../data/catalog.yaml");
        assertEquals(0, again.exitCode(), again.err());
        Cli after = Cli.run("query", "salaries", "--param", "role=product-manager", "--format", "csv", "--endpoint", endpoint);
        assertEquals(before.out(), after.out());
    }

    @Test
    void aBadIngestLeavesTheEndpointAsItWas() {
        Cli before = Cli.run("query", "roles", "--format", "csv", "--endpoint", endpoint);
        Cli bad = Cli.run("ingest", "--endpoint", endpoint,
                Path.of("..", "ingest", "src", "test", "resources", "fixtures", "bad", "unknown-role.yaml").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("unknown role 'alpha-manger'"), bad.err());
        Cli after = Cli.run("query", "roles", "--format", "csv", "--endpoint", endpoint);
        assertEquals(before.out(), after.out());
    }
}
