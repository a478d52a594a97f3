package org.rolegraph.app;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.ingest.StoreException;
import org.rolegraph.ingest.Stores;
import org.rolegraph.model.IriScheme;

import picocli.CommandLine.Option;

/**
 * Where a command's data lives: the embedded data set in memory (the default), a TDB2 store
 * ({@code --store}) or a remote SPARQL 1.1 endpoint ({@code --endpoint}). All three are reached
 * through Jena's {@link RDFConnection}, so every command runs the same way on each.
 */
final class Backend {

    @Option(names = "--store", paramLabel = "DIR",
            description = "A TDB2 store directory (an ingest creates it if missing). Default: the embedded data set, in memory.")
    Path store;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "A remote SPARQL 1.1 endpoint: its query URL (…/sparql) or a Fuseki dataset URL.")
    String endpoint;

    @Option(names = "--gsp", paramLabel = "URL",
            description = "The endpoint's Graph Store Protocol URL, for ingest (default: …/data beside …/sparql).")
    String graphStore;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = IriScheme.DEFAULT_BASE,
            description = "Base IRI of roles, skills, sources and graphs (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Cancel a query that runs longer than this (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    IriScheme iris() {
        try {
            return new IriScheme(base);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--base: " + e.getMessage(), 2);
        }
    }

    Duration timeout() {
        if (timeoutSeconds < 1) {
            throw new UserFacingException("--timeout must be at least 1 second", 2);
        }
        return Duration.ofSeconds(timeoutSeconds);
    }

    boolean isRemote() {
        return endpoint != null;
    }

    /** A local store: the existing TDB2 directory, or a fresh in-memory copy of the embedded data set. */
    DatasetGraph openLocal() {
        return openLocal(false);
    }

    /**
     * A local store, as {@link #openLocal()}; with {@code create}, a missing TDB2 store is created
     * (atomically, empty) instead of being an error.
     */
    DatasetGraph openLocal(boolean create) {
        if (store != null && endpoint != null) {
            throw new UserFacingException("give --store or --endpoint, not both", 2);
        }
        if (store == null) {
            return EmbeddedData.load(iris());
        }
        try {
            return create ? Stores.openOrCreate(store) : Stores.open(store);
        } catch (StoreException e) {
            throw storeProblem(e);
        }
    }

    /** A store that cannot be used, as one line naming the option and the directory. */
    static UserFacingException storeProblem(StoreException e) {
        return new UserFacingException("--store " + e.getMessage(), RoleGraphCommand.EXIT_FAILURE);
    }

    /** A connection to wherever the options point; closing it closes a local store too. */
    RDFConnection connect() {
        if (endpoint != null) {
            if (store != null) {
                throw new UserFacingException("give --store or --endpoint, not both", 2);
            }
            return RDFConnectionRemote.newBuilder()
                    .queryEndpoint(endpoint)
                    .gspEndpoint(graphStoreUrl())
                    .build();
        }
        DatasetGraph local = openLocal();
        return RDFConnection.connect(DatasetFactory.wrap(local));
    }

    /** The Graph Store Protocol URL: given, or …/data beside a …/sparql or …/query endpoint. */
    String graphStoreUrl() {
        if (graphStore != null) {
            return graphStore;
        }
        return endpoint.replaceFirst("/(sparql|query)/?$", "/data");
    }

    /** Turns what a store or endpoint throws into one line for the user, naming the URL or the limit. */
    RuntimeException explain(RuntimeException e) {
        if (e instanceof UserFacingException) {
            return e;
        }
        if (e instanceof QueryCancelledException) {
            return new UserFacingException("query cancelled: it ran longer than the --timeout of " + timeoutSeconds
                    + " s", RoleGraphCommand.EXIT_FAILURE);
        }
        if (isRemote() && (e instanceof HttpException || hasCause(e, ConnectException.class))) {
            Throwable root = rootCause(e);
            String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            String why;
            if (root instanceof UnknownHostException || root instanceof java.nio.channels.UnresolvedAddressException) {
                why = "unknown host " + java.net.URI.create(endpoint).getHost();
            } else if (e instanceof HttpException http && http.getStatusCode() > 0) {
                why = "answered HTTP " + http.getStatusCode() + (http.getStatusLine() == null ? "" : " " + http.getStatusLine());
            } else if (root instanceof java.io.IOException) {
                // Refused, reset or timed out before any answer: the endpoint is not there.
                why = "cannot connect (" + detail + ")";
            } else {
                why = detail;
            }
            return new UserFacingException("SPARQL endpoint " + endpoint + ": " + why, RoleGraphCommand.EXIT_FAILURE);
        }
        return e;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
