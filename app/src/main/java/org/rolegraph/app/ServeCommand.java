package org.rolegraph.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.app.server.RoleGraphServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph serve}: the SPARQL endpoint, role IRIs, downloads and pages, on Fuseki. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the graph on Apache Jena Fuseki: a SPARQL endpoint at /rolegraph/sparql, role IRIs at "
                + "/role/{id} (Turtle, JSON-LD, N-Triples or HTML by content negotiation), /ontology, /context.jsonld, "
                + "/download/rolegraph.ttl|.jsonld|.nq|.trig, /compare, and pages to browse and compare roles.",
            "Read-only unless --allow-update is given, and then updates need a password."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "3030", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "localhost", paramLabel = "localhost|0.0.0.0",
            description = "Listen on loopback only (localhost, the default) or on every interface (0.0.0.0).")
    String host;

    @Option(names = "--store", paramLabel = "DIR", description = "A TDB2 store. Default: the embedded data set, in memory.")
    Path store;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = org.rolegraph.model.IriScheme.DEFAULT_BASE,
            description = "Base IRI of the data (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest a query may run; a client can only ask for less (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--result-cap", paramLabel = "ROWS", defaultValue = "10000",
            description = "Most rows a SELECT returns (default: ${DEFAULT-VALUE}).")
    long resultCap;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--max-queries", paramLabel = "N",
            description = "Requests that run queries served at once; others wait up to three timeouts for their turn, "
                    + "then get 503 (default: twice the number of cores, at least 4).")
    Integer maxQueries;

    @Option(names = "--allow-update", paramLabel = "PASSWORD-FILE",
            description = "Allow SPARQL Update and Graph Store writes at /rolegraph/update and /rolegraph/graph for the "
                    + "users in this file (lines of user: password), over HTTP basic authentication.")
    Path passwordFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!host.equals("localhost") && !host.equals("0.0.0.0")) {
            throw new UserFacingException("--host must be localhost or 0.0.0.0", RoleGraphCommand.EXIT_USAGE);
        }
        if (timeout < 1 || resultCap < 1 || maxBody < 1 || maxQueries != null && maxQueries < 1) {
            throw new UserFacingException("--timeout, --result-cap, --max-body and --max-queries must be positive", RoleGraphCommand.EXIT_USAGE);
        }
        if (passwordFile != null && !Files.isReadable(passwordFile)) {
            throw new UserFacingException("--allow-update " + passwordFile + ": cannot read the password file", RoleGraphCommand.EXIT_USAGE);
        }
        Backend backend = new Backend();
        backend.store = store;
        backend.base = base;
        // With --allow-update a missing store is created (empty) for clients to fill; read-only, it is an error.
        DatasetGraph dataset = backend.openLocal(passwordFile != null);
        long start = System.nanoTime();
        FusekiServer server;
        try {
            server = RoleGraphServer.create(dataset).iris(backend.iris()).port(port).loopback(host.equals("localhost"))
                    .timeout(Duration.ofSeconds(timeout)).resultCap(resultCap).maxBody(maxBody)
                    .maxQueries(maxQueries == null ? RoleGraphServer.DEFAULT_MAX_QUERIES : maxQueries)
                    .allowUpdate(passwordFile == null ? null : passwordFile.toString()).start();
        } catch (RuntimeException e) {
            throw new UserFacingException("cannot start the server on port " + port + ": " + rootMessage(e),
                    RoleGraphCommand.EXIT_FAILURE);
        }
        String url = "http://" + (host.equals("localhost") ? "localhost" : host) + ":" + server.getHttpPort();
        var out = spec.commandLine().getOut();
        out.printf("RoleGraph is serving %s (%s) in %.1f s%n", url, store == null ? "the embedded data set" : store,
                (System.nanoTime() - start) / 1e9);
        out.println("  pages         " + url + "/");
        out.println("  SPARQL        " + url + RoleGraphServer.DATASET + "/sparql"
                + (passwordFile == null ? " (read-only)" : " (updates at /rolegraph/update, with a password)"));
        out.println("  a role        " + url + "/role/product-manager");
        out.println("  downloads     " + url + "/downloads");
        out.println("Stop with Ctrl-C.");
        out.flush();
        server.join();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
