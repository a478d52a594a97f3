package org.rolegraph.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.http.auth.AuthEnv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolegraph.app.server.RoleGraphServer;
import org.rolegraph.model.IriScheme;

/**
 * {@code ingest --endpoint} into a RoleGraph server that allows updates only with a password: the
 * credentials come from --user and --password-file (or the URL's user info), a refusal names the
 * status and quotes the server, and the password shows up in no output.
 */
class RemoteCredentialsTest {
    private static final String PASSWORD = "s3cret-Pa55";
    private static final Path BASE_YAML = Path.of("..", "ingest", "src", "test", "resources", "fixtures", "good", "base.yaml");

    @TempDir
    Path dir;
    private FusekiServer server;
    private String endpoint;
    private String graphStore;

    @BeforeEach
    void start() throws IOException {
        Path passwords = Files.writeString(dir.resolve("realm"), "editor: " + PASSWORD + "\n");
        server = RoleGraphServer.create(EmbeddedData.load(IriScheme.DEFAULT)).port(0).allowUpdate(passwords.toString()).start();
        endpoint = "http://127.0.0.1:" + server.getHttpPort() + "/rolegraph/sparql";
        graphStore = "http://127.0.0.1:" + server.getHttpPort() + "/rolegraph/graph";
    }

    @AfterEach
    void stop() {
        server.stop();
        // Jena's registry is per JVM: leave no credentials behind for other tests.
        AuthEnv.get().clearAuthEnv();
    }

    private static void assertNoPassword(Cli cli) {
        assertFalse(cli.out().contains(PASSWORD), cli.out());
        assertFalse(cli.err().contains(PASSWORD), cli.err());
    }

    private boolean alphaManagerIsThere() {
        Cli roles = Cli.run("roles", "--endpoint", endpoint);
        assertEquals(0, roles.exitCode(), roles.err());
        return roles.out().lines().anyMatch(line -> line.startsWith("alpha-manager "));
    }

    @Test
    void withoutCredentialsTheRefusalNamesTheStatusAndTheStoreIsUnchanged() {
        Cli cli = Cli.run("ingest", "--endpoint", endpoint, "--gsp", graphStore, BASE_YAML.toString());
        assertEquals(3, cli.exitCode(), cli.out());
        // The first write is the PUT of a staging graph (see Backend.replaceGraphs), named with the graph it stages.
        assertTrue(cli.err().startsWith("rolegraph: PUT " + graphStore + "?graph=urn%3Arolegraph%3Astaging%3A"), cli.err());
        assertTrue(cli.err().contains(" (staging https://w3id.org/rolegraph/graph/"), cli.err());
        assertTrue(cli.err().contains(" answered HTTP 401"), cli.err());
        assertTrue(cli.err().endsWith("(give --user NAME and --password-file FILE); the remote store is unchanged\n"), cli.err());
        assertFalse(alphaManagerIsThere());
    }

    @Test
    void aPasswordFileLetsTheIngestInAndIsNeverPrinted() throws IOException {
        Path file = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        Cli wrong = Cli.run("ingest", "--endpoint", endpoint, "--gsp", graphStore, "--user", "editor",
                "--password-file", Files.writeString(dir.resolve("wrong"), "not-it\n").toString(), BASE_YAML.toString());
        assertEquals(3, wrong.exitCode(), wrong.out());
        assertTrue(wrong.err().contains("answered HTTP 401"), wrong.err());
        assertFalse(wrong.err().contains("not-it"), wrong.err());
        assertFalse(alphaManagerIsThere());

        Cli cli = Cli.run("ingest", "--endpoint", endpoint, "--gsp", graphStore, "--user", "editor",
                "--password-file", file.toString(), BASE_YAML.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().endsWith(" into " + graphStore + "\n"), cli.out());
        assertNoPassword(cli);
        assertTrue(alphaManagerIsThere());
    }

    @Test
    void givenOnlyTheQueryAddressTheIngestFindsWhereWritesGoInTheServiceDescription() throws IOException {
        Path file = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        // No --gsp, no --update: the default …/data is the server's read-only graph store (405).
        Cli cli = Cli.run("ingest", "--endpoint", endpoint, "--user", "editor", "--password-file", file.toString(),
                BASE_YAML.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().endsWith(" into " + graphStore + "\n"), cli.out());
        assertNoPassword(cli);
        assertTrue(alphaManagerIsThere());
    }

    @Test
    void userInfoInTheUrlWorksAndIsStrippedFromEverythingPrinted() {
        String withUserInfo = endpoint.replace("http://", "http://editor:" + PASSWORD + "@");
        Cli cli = Cli.run("ingest", "--endpoint", withUserInfo, "--gsp", graphStore.replace("http://", "http://editor:" + PASSWORD + "@"),
                BASE_YAML.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertNoPassword(cli);
        assertTrue(cli.out().endsWith(" into " + graphStore + "\n"), cli.out());
        assertTrue(alphaManagerIsThere());

        Cli refused = Cli.run("ingest", "--endpoint", endpoint.replace("http://", "http://editor:wrong-" + PASSWORD + "@"),
                "--gsp", graphStore, BASE_YAML.toString());
        assertEquals(3, refused.exitCode(), refused.err());
        assertNoPassword(refused);
        assertFalse(refused.err().contains("@"), refused.err());
    }

    @Test
    void aUserWithoutAPasswordIsAUsageError() {
        Cli cli = Cli.run("ingest", "--endpoint", endpoint, "--gsp", graphStore, "--user", "editor", BASE_YAML.toString());
        assertEquals(2, cli.exitCode(), cli.out());
        assertTrue(cli.err().contains("--user editor needs a password: --password-file FILE or the ROLEGRAPH_PASSWORD"), cli.err());
    }
}
