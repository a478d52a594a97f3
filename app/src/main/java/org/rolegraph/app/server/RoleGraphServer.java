package org.rolegraph.app.server;

import java.time.Duration;
import java.util.Objects;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.Callback;
import org.rolegraph.model.IriScheme;

/**
 * RoleGraph on Apache Jena Fuseki (embedded): the SPARQL endpoint and Graph Store Protocol at
 * /rolegraph, and the site (pages, role IRIs, downloads) around it. Read-only unless updates are
 * allowed, and then only with HTTP basic authentication.
 */
public final class RoleGraphServer {

    /** The dataset's path: its endpoints are /rolegraph/sparql, /rolegraph/query and /rolegraph/data. */
    public static final String DATASET = "/rolegraph";

    /** Defaults: a query runs at most 10 s, returns at most 10 000 rows; a request body is at most 1 MiB. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_RESULT_CAP = 10_000;
    public static final long DEFAULT_MAX_BODY = 1 << 20;

    /**
     * Default: twice as many requests that run queries at once as the machine has cores (at least
     * four), so that short requests still find a turn while a few long queries run into the timeout.
     */
    public static final int DEFAULT_MAX_QUERIES = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    /** How many query timeouts a request may wait for its turn before it is answered 503. */
    static final int WAIT_IN_TIMEOUTS = 3;

    private final DatasetGraph store;
    private IriScheme iris = IriScheme.DEFAULT;
    private int port = 3030;
    private boolean loopback = true;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int pageSize = 50;
    private long resultCap = DEFAULT_RESULT_CAP;
    private long maxBody = DEFAULT_MAX_BODY;
    private int maxQueries = DEFAULT_MAX_QUERIES;
    private String passwordFile;

    private RoleGraphServer(DatasetGraph store) {
        this.store = Objects.requireNonNull(store);
    }

    public static RoleGraphServer create(DatasetGraph store) {
        return new RoleGraphServer(store);
    }

    public RoleGraphServer iris(IriScheme iris) {
        this.iris = iris;
        return this;
    }

    /** The port; 0 picks a free one. */
    public RoleGraphServer port(int port) {
        this.port = port;
        return this;
    }

    /** Whether to listen on the loopback interface only (the default) or on every interface. */
    public RoleGraphServer loopback(boolean loopback) {
        this.loopback = loopback;
        return this;
    }

    public RoleGraphServer timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** How many roles a page of search results or of a release's list shows (default 50). */
    public RoleGraphServer pageSize(int roles) {
        if (roles < 1) {
            throw new IllegalArgumentException("page size must be at least 1");
        }
        this.pageSize = roles;
        return this;
    }

    public RoleGraphServer resultCap(long cap) {
        this.resultCap = cap;
        return this;
    }

    public RoleGraphServer maxBody(long bytes) {
        this.maxBody = bytes;
        return this;
    }

    /**
     * How many requests that run queries (the SPARQL endpoint, pages, role IRIs) are served at once;
     * others wait up to three timeouts for their turn, then get 503 with Retry-After.
     */
    public RoleGraphServer maxQueries(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("the number of queries at once must be at least 1");
        }
        this.maxQueries = requests;
        return this;
    }

    /**
     * Allows SPARQL Update and Graph Store writes for the users of this Jetty password file
     * ({@code user: password} lines), over HTTP basic authentication. Without it the server is read-only.
     */
    public RoleGraphServer allowUpdate(String passwordFile) {
        this.passwordFile = passwordFile;
        return this;
    }

    /**
     * The users of the password file, read once at start. Fuseki's passwordFile(...) makes the same
     * store with a reload every 5 s, whose watching thread Jetty 12.1 never stops (PropertyUserStore
     * drops its Scanner without destroying it): a stopped server would go on reading, and warning
     * about, a file that may be gone. A changed password takes a restart.
     */
    private static org.eclipse.jetty.security.UserStore userStore(String passwordFile) {
        if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(passwordFile))) {
            throw new org.apache.jena.fuseki.FusekiConfigException("no password file " + passwordFile);
        }
        org.eclipse.jetty.security.PropertyUserStore users = new org.eclipse.jetty.security.PropertyUserStore();
        users.setConfig(org.eclipse.jetty.util.resource.ResourceFactory.root().newResource(java.nio.file.Path.of(passwordFile)));
        users.setReloadInterval(0);
        try {
            users.start();
        } catch (Exception e) {
            throw new IllegalStateException("password file " + passwordFile + ": " + e.getMessage(), e);
        }
        return users;
    }

    /** The realm a client is asked to log in to for writes. */
    static final String REALM = "RoleGraph";

    /** Builds and starts the server. */
    public FusekiServer start() {
        // Belt and braces: even a query that slipped past the endpoint's check cannot call out.
        store.getContext().set(ARQ.httpServiceAllowed, false);
        // Nor can an upload: a JSON-LD document's remote context is refused, for every parser of the process.
        org.rolegraph.export.RdfFiles.refuseRemoteContexts(org.apache.jena.riot.RIOT.getContext());
        boolean updates = passwordFile != null;
        FusekiServer.Builder builder = FusekiServer.create()
                .port(port)
                .loopback(loopback)
                .enablePing(false)
                .enableStats(false)
                .registerOperation(Operation.Query, new SafeQuery(timeout.toMillis(), resultCap))
                .addDataset(DATASET, store)
                .addEndpoint(DATASET, "sparql", Operation.Query)
                .addEndpoint(DATASET, "query", Operation.Query)
                .addEndpoint(DATASET, "", Operation.Query)
                .addEndpoint(DATASET, "data", Operation.GSP_R);
        org.eclipse.jetty.security.UserStore users = updates ? userStore(passwordFile) : null;
        if (updates) {
            builder.registerOperation(Operation.Update, new SafeUpdate())
                    .auth(AuthScheme.BASIC)
                    .securityHandler(org.apache.jena.fuseki.main.JettySecurityLib.makeSecurityHandler(REALM, users, AuthScheme.BASIC))
                    .addEndpoint(DATASET, "update", Operation.Update, Auth.ANY_USER)
                    .addEndpoint(DATASET, "graph", Operation.GSP_RW, Auth.ANY_USER);
        }
        Site site = new Site(store, iris, timeout, resultCap, maxBody, updates, pageSize);
        java.util.List<String> paths = java.util.List.of("", "/index.html", "/role/*", "/compare", "/sparql", "/ontology",
                "/context.jsonld", "/shapes.ttl", "/role-data.schema.json", "/download/*", "/downloads", "/static/*", "/healthz");
        for (String path : paths) {
            builder.addServlet(path, site);
        }
        builder.addFilter("/*", new Limits(maxBody, site, path -> path.isEmpty() || path.equals("/")
                || paths.stream().anyMatch(p -> p.endsWith("/*") ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p))));
        FusekiServer server = builder.build();
        Server jetty = server.getJettyServer();
        if (users != null) {
            jetty.addBean(users, true);
        }
        // Jetty reads a form itself (the query of a POSTed form): its own cap is the body cap.
        jetty.getDescendant(org.eclipse.jetty.ee10.servlet.ServletContextHandler.class).setMaxFormContentSize((int) Math.min(maxBody, Integer.MAX_VALUE));
        jetty.setHandler(door(jetty.getHandler()));
        return server.start();
    }

    /**
     * Jetty's handlers in front of Fuseki, outermost first. CORS (CrossOriginHandler): browsers on any
     * origin may read (GET, HEAD, and POST, which a SPARQL query may need), never with credentials, so
     * a page elsewhere cannot write with a user's password; preflights are answered before anything
     * else. Compression (GzipHandler) of pages and results for clients that accept it; downloads are
     * compressed once, when made (Site). Admission (QoSHandler): at most maxQueries requests that run
     * queries at once, the others waiting up to three timeouts, then 503 with Retry-After; health checks,
     * static files and downloads (bytes made once) never wait.
     */
    // GzipHandler is deprecated in Jetty 12.1 for CompressionHandler, which lives in jetty-compression
    // modules Fuseki 5.6 does not bring; it still does the job, so the warning is silenced here only.
    @SuppressWarnings("removal")
    private Handler door(Handler fuseki) {
        QoSHandler admission = new QoSHandler(fuseki) {
            @Override
            protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, timeout.toSeconds())));
                super.failSuspended(request, response, callback, status, failure);
            }
        };
        admission.setMaxRequestCount(maxQueries);
        admission.setMaxSuspend(timeout.multipliedBy(WAIT_IN_TIMEOUTS));
        admission.excludePath(NEVER_WAIT);
        GzipHandler gzip = new GzipHandler(admission);
        gzip.addExcludedPaths("/download/*");
        // Requests are never inflated: a small gzip body could expand past the body cap.
        gzip.addExcludedInflationPaths("/*");
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setHandler(gzip);
        cors.setAllowedOriginPatterns(java.util.Set.of("*"));
        cors.setAllowedMethods(java.util.Set.of("GET", "HEAD", "POST"));
        cors.setAllowedHeaders(java.util.Set.of("Accept", "Content-Type"));
        cors.setExposedHeaders(java.util.Set.of("ETag", "Last-Modified", "Content-Disposition"));
        cors.setAllowCredentials(false);
        cors.setPreflightMaxAge(Duration.ofMinutes(10));
        return cors;
    }

    /** Paths whose requests run no query and are never held back by admission. */
    private static final String[] NEVER_WAIT = {"/healthz", "/static/*", "/download/*", "/downloads", "/ontology",
        "/context.jsonld", "/shapes.ttl", "/role-data.schema.json"};
}
