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
class Backend {

    @Option(names = "--store", paramLabel = "DIR",
            description = "A TDB2 store directory. Default: the embedded data set, in memory.")
    Path store;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "A remote SPARQL 1.1 endpoint: its query URL (…/sparql) or a Fuseki dataset URL.")
    String endpoint;

    @Option(names = "--user", paramLabel = "NAME",
            description = "User name for HTTP authentication at --endpoint; the password comes from --password-file or "
                    + "the ROLEGRAPH_PASSWORD environment variable and is never printed.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the password for --user.")
    Path passwordFile;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = IriScheme.DEFAULT_BASE,
            description = "Base IRI of roles, skills, sources and graphs (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Cancel a query that runs longer than this (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** The Graph Store Protocol URL the user gave, or null: only commands that write take one (WritingBackend). */
    String givenGraphStore() {
        return null;
    }

    /** The SPARQL Update URL the user gave, or null (WritingBackend). */
    String givenUpdate() {
        return null;
    }

    IriScheme iris() {
        try {
            return new IriScheme(base);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--base: " + e.getMessage(), RoleGraphCommand.EXIT_USAGE);
        }
    }

    Duration timeout() {
        if (timeoutSeconds < 1) {
            throw new UserFacingException("--timeout must be at least 1 second", RoleGraphCommand.EXIT_USAGE);
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
            throw new UserFacingException("give --store or --endpoint, not both", RoleGraphCommand.EXIT_USAGE);
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
                throw new UserFacingException("give --store or --endpoint, not both", RoleGraphCommand.EXIT_USAGE);
            }
            registerCredentials();
            return RDFConnectionRemote.newBuilder()
                    .queryEndpoint(endpointUrl())
                    .gspEndpoint(graphStoreUrl())
                    .updateEndpoint(updateUrl())
                    // A long query goes as an HTML form, which every store reads; Virtuoso 7.2 never
                    // answers a POST of application/sparql-query (Jena's default for long queries).
                    .querySendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm)
                    .build();
        }
        DatasetGraph local = openLocal();
        return RDFConnection.connect(DatasetFactory.wrap(local));
    }

    /**
     * The Graph Store Protocol URL, without user info: given, else the one the endpoint's service
     * description names (a RoleGraph server's, when it takes writes), else …/data beside a …/sparql or
     * …/query endpoint.
     */
    String graphStoreUrl() {
        if (givenGraphStore() != null) {
            return withoutUserInfo(givenGraphStore());
        }
        if (described != null && described.graphStore() != null) {
            return described.graphStore();
        }
        return beside("data");
    }

    /** The SPARQL Update URL, without user info: given, else the described one, else …/update beside …/sparql. */
    String updateUrl() {
        if (givenUpdate() != null) {
            return withoutUserInfo(givenUpdate());
        }
        if (described != null && described.update() != null) {
            return described.update();
        }
        return beside("update");
    }

    /** The address {@code name} beside a …/sparql or …/query endpoint (Fuseki's layout, and RoleGraph's). */
    private String beside(String name) {
        return endpointUrl().replaceFirst("/(sparql|query)/?$", "/" + name);
    }

    /** Where the endpoint's service description says writes go; either may be null. */
    private record WriteEndpoints(String graphStore, String update) {}

    private WriteEndpoints described;

    /** A connection for writing: as {@link #connect()}, after reading where writes go from the endpoint's service description. */
    RDFConnection connectForWriting() {
        if (endpoint != null && (givenGraphStore() == null || givenUpdate() == null)) {
            registerCredentials();
            described = describedWriteEndpoints();
        }
        return connect();
    }

    /**
     * The write addresses in the endpoint's SPARQL 1.1 Service Description (a GET of the endpoint without
     * a query): rg:graphStore, and the endpoint of a service that supports SPARQL 1.1 Update. A store
     * without a description, or with one that names neither, gets the defaults; so does one whose
     * description is not Turtle or is over 1 MiB.
     */
    private WriteEndpoints describedWriteEndpoints() {
        try {
            String text = org.apache.jena.http.HttpOp.httpGetString(endpointUrl(), "text/turtle");
            if (text == null || text.length() > (1 << 20)) {
                return null;
            }
            org.apache.jena.rdf.model.Model description = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
            org.apache.jena.riot.RDFParser.fromString(text, org.apache.jena.riot.Lang.TURTLE).base(endpointUrl()).parse(description);
            String store = description.listObjectsOfProperty(org.rolegraph.model.RG.graphStore).toList().stream()
                    .filter(org.apache.jena.rdf.model.RDFNode::isURIResource).map(n -> n.asResource().getURI())
                    .sorted().findFirst().orElse(null);
            String update = description.listSubjectsWithProperty(org.rolegraph.model.SD.supportedLanguage,
                            org.rolegraph.model.SD.SPARQL11Update).toList().stream()
                    .flatMap(s -> s.listProperties(org.rolegraph.model.SD.endpoint).toList().stream())
                    .map(org.apache.jena.rdf.model.Statement::getObject)
                    .filter(org.apache.jena.rdf.model.RDFNode::isURIResource).map(n -> n.asResource().getURI())
                    .sorted().findFirst().orElse(null);
            return new WriteEndpoints(store == null ? null : withoutUserInfo(store), update == null ? null : withoutUserInfo(update));
        } catch (RuntimeException e) {
            // No description (404, HTML, a store that wants a query): the defaults.
            return null;
        }
    }

    /** The endpoint without user info: what requests go to and what every message names. */
    String endpointUrl() {
        return withoutUserInfo(endpoint);
    }

    /**
     * Hands the credentials to Jena's authentication registry for the endpoint and the Graph Store URL,
     * which answers a server's challenge (basic or digest). The password comes from --password-file,
     * else ROLEGRAPH_PASSWORD, else the URL's user info; it is kept out of every URL and message.
     */
    private void registerCredentials() {
        String[] fromUrl = userInfo(endpoint);
        String name = user != null ? user : fromUrl == null ? null : fromUrl[0];
        if (name == null) {
            if (passwordFile != null) {
                throw new UserFacingException("--password-file needs --user NAME", RoleGraphCommand.EXIT_USAGE);
            }
            return;
        }
        String password;
        if (passwordFile != null) {
            try (var lines = java.nio.file.Files.lines(passwordFile, java.nio.charset.StandardCharsets.UTF_8)) {
                password = lines.findFirst().orElse("");
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                throw new UserFacingException("--password-file " + passwordFile + ": cannot read it ("
                        + e.getClass().getSimpleName() + ")", RoleGraphCommand.EXIT_USAGE);
            }
        } else if (System.getenv("ROLEGRAPH_PASSWORD") != null) {
            password = System.getenv("ROLEGRAPH_PASSWORD");
        } else if (fromUrl != null && fromUrl.length == 2) {
            password = fromUrl[1];
        } else {
            throw new UserFacingException("--user " + name + " needs a password: --password-file FILE or the "
                    + "ROLEGRAPH_PASSWORD environment variable", RoleGraphCommand.EXIT_USAGE);
        }
        org.apache.jena.http.auth.AuthEnv.get().registerUsernamePassword(java.net.URI.create(endpointUrl()), name, password);
        org.apache.jena.http.auth.AuthEnv.get().registerUsernamePassword(java.net.URI.create(graphStoreUrl()), name, password);
        org.apache.jena.http.auth.AuthEnv.get().registerUsernamePassword(java.net.URI.create(updateUrl()), name, password);
    }

    /** The URL with any {@code user:password@} removed. */
    static String withoutUserInfo(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@", "$1");
    }

    /** The user and (if given) password in a URL's user info, decoded; null without user info. */
    private static String[] userInfo(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/?#@]*)@").matcher(url);
        if (!m.find()) {
            return null;
        }
        return java.util.Arrays.stream(m.group(1).split(":", 2))
                .map(part -> java.net.URLDecoder.decode(part.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8))
                .toArray(String[]::new);
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
        if (e instanceof org.rolegraph.query.StoreGraphs.IncompleteAnswerException) {
            return new UserFacingException("SPARQL endpoint " + endpointUrl() + ": " + e.getMessage(), RoleGraphCommand.EXIT_FAILURE);
        }
        if (isRemote() && e instanceof org.apache.jena.sparql.engine.http.QueryExceptionHTTP query && query.getStatusCode() > 0) {
            // A query the endpoint answered with an error: its status and its own first line.
            return new UserFacingException("SPARQL endpoint " + endpointUrl() + ": "
                    + answered(query.getStatusCode(), query.getStatusLine(), query.getResponse()), RoleGraphCommand.EXIT_FAILURE);
        }
        if (isRemote() && (e instanceof HttpException || hasCause(e, ConnectException.class))) {
            Throwable root = rootCause(e);
            String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            String why;
            if (root instanceof UnknownHostException || root instanceof java.nio.channels.UnresolvedAddressException) {
                why = "unknown host " + java.net.URI.create(endpointUrl()).getHost();
            } else if (e instanceof HttpException http && http.getStatusCode() > 0) {
                why = answered(http);
            } else if (root instanceof java.io.IOException) {
                // Refused, reset or timed out before any answer: the endpoint is not there.
                why = "cannot connect (" + detail + ")";
            } else {
                why = detail;
            }
            return new UserFacingException("SPARQL endpoint " + endpointUrl() + ": " + why, RoleGraphCommand.EXIT_FAILURE);
        }
        return e;
    }

    /**
     * Replaces graphs on the remote store all together or not at all, on stores without transactions
     * across requests too: each graph's new content goes into a staging graph of its own (Graph Store
     * Protocol requests, see stage), then one SPARQL Update moves every staging graph onto its live graph. When a
     * PUT fails, the staging graphs are dropped and no live graph was touched. A refusal names the
     * request (method and URL, without credentials), the status and the server's reason.
     */
    void replaceGraphs(RDFConnection remote, java.util.Map<String, org.apache.jena.rdf.model.Model> graphs) {
        String run = java.util.UUID.randomUUID().toString();
        java.util.Map<String, String> staged = new java.util.LinkedHashMap<>();
        String[] request = {null};
        try {
            for (java.util.Map.Entry<String, org.apache.jena.rdf.model.Model> graph : graphs.entrySet()) {
                String staging = STAGING + run + ":" + staged.size();
                // Noted before the PUT: one that fails halfway may still have left part of the graph.
                staged.put(graph.getKey(), staging);
                stage(remote, staging, graph.getValue(), request);
            }
        } catch (HttpException e) {
            java.util.Map.Entry<String, String> last = staged.entrySet().stream().reduce((a, b) -> b).orElseThrow();
            java.util.List<String> written = new java.util.ArrayList<>(staged.values());
            if (e.getStatusCode() > 0 && request[0].equals("PUT")) {
                // A PUT answered with an error status was not applied and began its graph: nothing of it to drop.
                written.remove(last.getValue());
            }
            String left = dropStaging(remote, written);
            if (e.getStatusCode() <= 0) {
                throw e;
            }
            throw new UserFacingException(request[0] + " " + graphStoreUrl() + "?graph=" + java.net.URLEncoder.encode(last.getValue(),
                    java.nio.charset.StandardCharsets.UTF_8) + " (staging " + last.getKey() + ") " + answered(e)
                    + "; the remote store is unchanged" + left, RoleGraphCommand.EXIT_FAILURE);
        } catch (RuntimeException e) {
            dropStaging(remote, staged.values());
            throw e;
        }
        org.apache.jena.update.UpdateRequest swap = new org.apache.jena.update.UpdateRequest();
        staged.forEach((live, staging) -> swap.add(new org.apache.jena.sparql.modify.request.UpdateMove(
                org.apache.jena.sparql.modify.request.Target.create(staging),
                org.apache.jena.sparql.modify.request.Target.create(live), true)));
        try {
            remote.update(swap);
        } catch (HttpException e) {
            String left = dropStaging(remote, staged.values());
            throw new UserFacingException("POST " + updateUrl() + " (SPARQL Update moving " + staged.size()
                    + " staged graphs into place) " + (e.getStatusCode() > 0 ? answered(e) : "failed: " + rootCause(e))
                    + "; the live graphs are unchanged on a store that runs an update request in one transaction "
                    + "(give --update URL if the store's SPARQL Update endpoint is not " + updateUrl() + ")" + left,
                    RoleGraphCommand.EXIT_FAILURE);
        }
    }

    /** Where staging graphs are named: one per graph and run, never a graph of the data. */
    static final String STAGING = "urn:rolegraph:staging:";

    /**
     * Drops staging graphs after a failure, in one request; says which are left when that fails too
     * (text to add to the error), else nothing.
     */
    private String dropStaging(RDFConnection remote, java.util.Collection<String> staging) {
        if (staging.isEmpty()) {
            return "";
        }
        org.apache.jena.update.UpdateRequest drop = new org.apache.jena.update.UpdateRequest();
        staging.forEach(graph -> drop.add(new org.apache.jena.sparql.modify.request.UpdateDrop(
                org.apache.jena.graph.NodeFactory.createURI(graph), true)));
        try {
            remote.update(drop);
            return "";
        } catch (RuntimeException e) {
            return "; dropping the staging graphs failed too, so these are left to drop: " + String.join(" ", staging);
        }
    }

    /** The system property that sets {@link #statementsPerRequest()}. */
    static final String STATEMENTS_PER_REQUEST = "rolegraph.statementsPerRequest";

    /**
     * Statements per Graph Store request when a graph is staged: 50,000 unless the system property
     * {@value #STATEMENTS_PER_REQUEST} says otherwise. Virtuoso 7.2 answers one PUT of ESCO's 619,068
     * statements with "SR172: Transaction deadlocked", and takes them as POSTs of 50,000 in 4 s.
     */
    static int statementsPerRequest() {
        return Math.max(1, Integer.getInteger(STATEMENTS_PER_REQUEST, 50_000));
    }

    /**
     * One graph into its staging graph: a PUT of the first {@link #statementsPerRequest()} statements,
     * then a POST (which adds) of each further batch. {@code request} says which method was sent last.
     */
    private static void stage(RDFConnection remote, String staging, org.apache.jena.rdf.model.Model content, String[] request) {
        int batchSize = statementsPerRequest();
        org.apache.jena.rdf.model.Model batch = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        batch.setNsPrefixes(content.getNsPrefixMap());
        boolean first = true;
        org.apache.jena.rdf.model.StmtIterator statements = content.listStatements();
        try {
            while (statements.hasNext() || first) {
                while (statements.hasNext() && batch.size() < batchSize) {
                    batch.add(statements.next());
                }
                request[0] = first ? "PUT" : "POST";
                sendAgainAfterReset(remote, staging, batch, first);
                first = false;
                batch.removeAll();
            }
        } finally {
            statements.close();
        }
    }

    /** Attempts at a request whose connection breaks before any answer (see sendAgainAfterReset). */
    static final int PUT_ATTEMPTS = 3;

    /**
     * A PUT (or a POST), sent again (up to {@link #PUT_ATTEMPTS} in all) when the connection breaks
     * before any answer: with digest authentication the first request gets a 401, and a store that
     * answers it before reading the body and closes (Virtuoso 7.2) breaks the pipe under a large body
     * now and then. A PUT replaces the graph and a POST adds statements a graph may hold once only, so
     * sending either again is safe; an answer with a status is final.
     */
    private static void sendAgainAfterReset(RDFConnection remote, String graph, org.apache.jena.rdf.model.Model content,
            boolean replace) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (replace) {
                    remote.put(graph, content);
                } else {
                    remote.load(graph, content);
                }
                return;
            } catch (HttpException e) {
                if (e.getStatusCode() > 0 || attempt == PUT_ATTEMPTS || !hasCause(e, java.io.IOException.class)) {
                    throw e;
                }
            }
        }
    }

    private static String answered(HttpException http) {
        return answered(http.getStatusCode(), http.getStatusLine(), http.getResponse());
    }

    /**
     * "answered HTTP 401 Unauthorized: "the server's first line"", with what to give when the answer is
     * a refusal: the one way every remote error says what the server said.
     */
    private static String answered(int status, String statusLine, String body) {
        return "answered HTTP " + status + (statusLine == null ? "" : " " + statusLine) + serverReason(body, statusLine)
                + (status == 401 || status == 403 ? " (give --user NAME and --password-file FILE)" : "");
    }

    /** The first line of the server's own message, quoted, when it said more than its status line. */
    private static String serverReason(String body, String statusLine) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String first = body.strip().lines().findFirst().orElse("").strip();
        if (first.length() > 200) {
            first = first.substring(0, 200) + "…";
        }
        return first.isEmpty() || first.equals(statusLine) ? "" : ": \"" + first + "\"";
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
