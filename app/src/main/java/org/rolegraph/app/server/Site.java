package org.rolegraph.app.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

import org.apache.jena.rdfconnection.RDFConnection;


import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.system.Txn;

import org.rolegraph.app.ComparisonWriter;
import org.rolegraph.export.ExportFormat;
import org.rolegraph.export.Exporter;
import org.rolegraph.export.RoleDocuments;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.Ontology;
import org.rolegraph.query.AmbiguousRoleException;
import org.rolegraph.query.Comparison;
import org.rolegraph.query.Comparisons;
import org.rolegraph.query.QueryCatalog;
import org.rolegraph.query.ReleaseSummary;
import org.rolegraph.query.RoleGroup;
import org.rolegraph.query.RoleProfile;
import org.rolegraph.query.RoleSummary;
import org.rolegraph.query.Roles;
import org.rolegraph.query.UnknownRoleException;

/**
 * Everything the server answers outside Fuseki's SPARQL endpoints: the pages, dereferenceable role
 * IRIs with content negotiation, the ontology, the context and shapes, downloads, /compare and
 * /healthz. Each request reads the store through its own RDFConnection in a read transaction.
 */
final class Site extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final AcceptList ROLE_OFFERS = AcceptList.create("text/turtle", "application/ld+json",
            "application/n-triples", "text/html", "application/xhtml+xml");
    private static final AcceptList DOCUMENT_OFFERS = AcceptList.create("text/turtle", "application/ld+json", "text/html",
            "application/xhtml+xml");
    private static final AcceptList SERVICE_DESCRIPTION_OFFERS = AcceptList.create("text/turtle", "application/ld+json",
            "application/n-triples", "text/html");
    private static final AcceptList COMPARE_OFFERS = AcceptList.create("text/html", "application/json",
            "application/xhtml+xml");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final transient DatasetGraph store;
    private final transient IriScheme iris;
    private final Duration timeout;
    private final long resultCap;
    private final long maxBody;
    /** Roles per page of search results and of a release's list. */
    private final int pageSize;
    /** Whether the server takes writes (--allow-update), which its service description then says where. */
    private final boolean writable;
    private final transient Downloads files;

    Site(DatasetGraph store, IriScheme iris, Duration timeout, long resultCap, long maxBody, boolean storeCanChange, int pageSize) {
        this.maxBody = maxBody;
        this.pageSize = pageSize;
        this.store = store;
        this.iris = iris;
        this.timeout = timeout;
        this.resultCap = resultCap;
        this.files = new Downloads(!storeCanChange);
        this.writable = storeCanChange;
    }

    private RDFConnection connect() {
        return RDFConnection.connect(DatasetFactory.wrap(store));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            route(path, request, response);
        } catch (QueryCancelledException e) {
            text(response, 503, "the query ran longer than the server's timeout of " + timeout.toSeconds() + " s\n");
        }
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    private void route(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (path.equals("/") || path.isEmpty() || path.equals("/index.html")) {
            try (RDFConnection connection = connect()) {
                Roles roles = new Roles(connection, iris, timeout);
                String search = request.getParameter("q");
                int page = page(request);
                List<RoleSummary> results = search == null || search.isBlank() ? null
                        : roles.search(search, (page - 1) * pageSize, pageSize + 1);
                html(response, 200, Pages.home(curated(roles), roles.releases(), search, results, page, pageSize));
            }
        } else if (path.startsWith("/role/")) {
            // A role may be named by a label ("/role/Delivery%20Manager"): decode the segment as a path.
            role(org.eclipse.jetty.util.URIUtil.decodePath(path.substring("/role/".length())), request, response);
        } else if (path.equals("/browse")) {
            browse(request, response);
        } else if (path.equals("/compare")) {
            compare(request, response);
        } else if (path.equals("/sparql")) {
            sparqlPage(request, response);
        } else if (path.equals("/ontology")) {
            ontology(request, response);
        } else if (path.equals("/context.jsonld")) {
            file(request, response, "context.jsonld", "application/ld+json", () -> resource(Ontology.CONTEXT_RESOURCE));
        } else if (path.equals("/shapes.ttl")) {
            file(request, response, "shapes.ttl", "text/turtle", () -> resource(Ontology.SHAPES_RESOURCE));
        } else if (path.equals("/role-data.schema.json")) {
            file(request, response, "role-data.schema.json", "application/schema+json",
                    () -> resource(Ontology.ROLE_DATA_SCHEMA_RESOURCE));
        } else if (path.startsWith("/download/")) {
            download(path.substring("/download/".length()), request, response);
        } else if (path.equals("/downloads")) {
            html(response, 200, Pages.downloads());
        } else if (path.equals("/static/style.css")) {
            file(request, response, "style.css", "text/css", () -> resource("org/rolegraph/app/server/style.css"));
        } else if (path.equals(RoleGraphServer.DATASET) || path.equals(RoleGraphServer.DATASET + "/sparql")
                || path.equals(RoleGraphServer.DATASET + "/query")) {
            serviceDescription(request, response);
        } else if (path.equals("/healthz")) {
            text(response, 200, "ok\n");
        } else {
            notFound(request, response, "There is no page at " + path + ".", List.of());
        }
    }

    // ---- roles -----------------------------------------------------------------------------------

    private void role(String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        try (RDFConnection connection = connect()) {
            // An unknown role is a 404 whatever was asked for; then the representation is negotiated.
            RoleProfile profile = new Roles(connection, iris, timeout).describe(id);
            if (!profile.role().id().equals(id)) {
                // Any name finds a role (a label, a code); its page lives at one address, its id's.
                String query = request.getQueryString();
                response.setHeader("Location", "/role/" + java.net.URLEncoder.encode(profile.role().id(), StandardCharsets.UTF_8)
                        .replace("%3A", ":") + (query == null ? "" : "?" + query));
                text(response, 303, "See /role/" + profile.role().id() + "\n");
                return;
            }
            String format = request.getParameter("format");
            MediaType chosen = format != null ? byFormat(format) : negotiate(request, ROLE_OFFERS);
            if (chosen == null) {
                text(response, format != null ? 400 : 406, (format != null ? "format=" + format + " is not one of ttl, jsonld, nt, html"
                        : "cannot answer Accept: " + request.getHeader("Accept")) + "; available: text/turtle, application/ld+json, "
                        + "application/n-triples, text/html\n");
                return;
            }
            String type = chosen.getContentTypeStr();
            // Every machine-readable form carries the same graph, the role document.
            byte[] body = switch (type) {
                case "text/turtle" -> roleDocument(ExportFormat.TURTLE, id);
                case "application/n-triples" -> roleDocument(ExportFormat.NTRIPLES, id);
                case "application/ld+json" -> RoleDocuments.framed(store, iris, id).getBytes(StandardCharsets.UTF_8);
                default -> Pages.role(profile).getBytes(StandardCharsets.UTF_8);
            };
            send(response, 200, type.equals("application/xhtml+xml") ? "text/html" : type, body);
        } catch (AmbiguousRoleException e) {
            notFound(request, response, "'" + id + "' names several roles; choose one.", e.closest());
        } catch (UnknownRoleException e) {
            notFound(request, response, "There is no role '" + id + "'.", e.closest());
        }
    }

    /** The curated roles: the home and compare pages list them; imported occupations are searched and browsed. */
    private static List<RoleSummary> curated(Roles roles) {
        return roles.list().stream().filter(r -> !IriScheme.isImportedRoleId(r.id())).toList();
    }

    /** The page number a request asks for (from 1); anything else is page 1. */
    private static int page(HttpServletRequest request) {
        String page = request.getParameter("page");
        try {
            return page == null ? 1 : Math.max(1, Math.min(Integer.parseInt(page), 100_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void browse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("release");
        try (RDFConnection connection = connect()) {
            Roles roles = new Roles(connection, iris, timeout);
            ReleaseSummary release = roles.releases().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            if (release == null) {
                notFound(request, response, "There is no taxonomy release '" + id + "' in this store.", List.of());
                return;
            }
            List<RoleGroup> groups = roles.groups(release.id());
            String code = request.getParameter("group");
            RoleGroup group = code == null ? null : groups.stream().filter(g -> g.code().equals(code)).findFirst().orElse(null);
            if (code != null && group == null) {
                notFound(request, response, "There is no group '" + code + "' in " + release.title() + ".", List.of());
                return;
            }
            int page = page(request);
            int offset = (page - 1) * pageSize;
            List<RoleSummary> members = group == null ? roles.browse(release.id(), offset, pageSize + 1)
                    : roles.browse(release.id(), group.iri(), offset, pageSize + 1);
            html(response, 200, Pages.browse(release, RoleGroups.of(groups), group, members, page, pageSize));
        }
    }

    private byte[] roleDocument(ExportFormat format, String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.write(RoleDocuments.graph(store, iris, id), format, iris, out);
        return out.toByteArray();
    }

    private static MediaType byFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "ttl", "turtle" -> MediaType.create("text/turtle");
            case "jsonld", "json-ld" -> MediaType.create("application/ld+json");
            case "nt", "ntriples" -> MediaType.create("application/n-triples");
            case "html" -> MediaType.create("text/html");
            default -> null;
        };
    }

    /** The best offer for the request's Accept header; no header means anything. */
    private static MediaType negotiate(HttpServletRequest request, AcceptList offers) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return offers.first();
        }
        try {
            return AcceptList.match(new AcceptList(accept), offers);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- compare ---------------------------------------------------------------------------------

    private void compare(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        List<String> ids = new ArrayList<>();
        // roles=a,b (or repeated), and add=names typed into the compare form's text box.
        for (String parameter : List.of("roles", "add")) {
            String[] values = request.getParameterValues(parameter);
            if (values != null) {
                for (String value : values) {
                    Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(ids::add);
                }
            }
        }
        String format = request.getParameter("format");
        boolean json = "json".equalsIgnoreCase(format);
        if (format == null) {
            MediaType chosen = negotiate(request, COMPARE_OFFERS);
            if (chosen == null) {
                text(response, 406, "cannot answer Accept: " + request.getHeader("Accept") + "; available: text/html, "
                        + "application/json\n");
                return;
            }
            json = chosen.getContentTypeStr().equals("application/json");
        }
        try (RDFConnection connection = connect()) {
            Comparisons comparisons = new Comparisons(connection, iris, timeout);
            if (json) {
                if (ids.size() < 1) {
                    text(response, 400, "give roles=a,b (one or more role ids)\n");
                    return;
                }
                Comparison comparison = comparisons.compare(ids);
                StringWriter out = new StringWriter();
                new ComparisonWriter(comparison).write(ComparisonWriter.Format.JSON, new PrintWriter(out), 100);
                send(response, 200, "application/json", out.toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            List<RoleSummary> all = curated(new Roles(connection, iris, timeout));
            Comparison comparison = ids.size() >= 2 ? comparisons.compare(ids) : null;
            html(response, 200, Pages.compare(all, comparison, ids));
        } catch (UnknownRoleException e) {
            notFound(request, response, "There is no role '" + e.id() + "'.", e.closest());
        }
    }

    // ---- sparql page -----------------------------------------------------------------------------

    private void sparqlPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> examples = new LinkedHashMap<>();
        QueryCatalog.NAMES.forEach(name -> examples.put(name, QueryCatalog.summary(QueryCatalog.text(name))
                .replaceFirst("^" + name + ":\\s*", "")));
        String example = request.getParameter("example");
        String text = example != null && QueryCatalog.has(example) ? QueryCatalog.text(example) : request.getParameter("query");
        if (text == null) {
            // The page's first query: short, for a person to read and change (the catalog's are longer).
            text = new String(resource("org/rolegraph/app/server/sparql-page.rq"), java.nio.charset.StandardCharsets.UTF_8);
            html(response, 200, Pages.sparql(text, null, null, examples));
            return;
        }
        if (example != null) {
            html(response, 200, Pages.sparql(text, null, null, examples));
            return;
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            html(response, 400, Pages.sparql(text, null, "Syntax error at line " + e.getLine() + ", column " + e.getColumn()
                    + ": " + e.getMessage().lines().findFirst().orElse(""), examples));
            return;
        }
        if (!query.isSelectType()) {
            html(response, 400, Pages.sparql(text, null, "This page shows SELECT results; send other queries to /rolegraph/sparql.",
                    examples));
            return;
        }
        if (QueryGuard.isFederated(query)) {
            html(response, 400, Pages.sparql(text, null, "SERVICE (federated query) is not allowed here.", examples));
            return;
        }
        if (!query.hasLimit() || query.getLimit() > resultCap) {
            query.setLimit(resultCap);
        }
        Query capped = query;
        try {
            Pages.ResultsTable table = Txn.calculateRead(store, () -> {
                try (QueryExec exec = QueryGuard.exec(store, capped, timeout.toMillis())) {
                    Pages.ResultsTable rows = resultsTable(exec.select());
                    // Rows that end after the deadline may come from a sort the abort cut short.
                    if (QueryGuard.isPastDeadline(exec)) {
                        throw new QueryCancelledException();
                    }
                    return rows;
                }
            });
            html(response, 200, Pages.sparql(text, table, null, examples));
        } catch (QueryCancelledException e) {
            html(response, 503, Pages.sparql(text, null, "The query ran longer than the server's timeout of "
                    + timeout.toSeconds() + " s, or was stopped to keep the server's memory free.", examples));
        } catch (org.apache.jena.query.QueryDeniedException e) {
            html(response, 422, Pages.sparql(text, null, e.getMessage(), examples));
        }
    }

    private static Pages.ResultsTable resultsTable(RowSet rows) {
        List<org.apache.jena.sparql.core.Var> vars = rows.getResultVars();
        List<List<String>> table = new ArrayList<>();
        rows.forEachRemaining(row -> table.add(vars.stream().map(v -> {
            org.apache.jena.graph.Node node = row.get(v);
            return node == null ? "" : node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
        }).toList()));
        return new Pages.ResultsTable(vars.stream().map(org.apache.jena.sparql.core.Var::getVarName).toList(), table);
    }

    // ---- ontology and files ----------------------------------------------------------------------

    private void ontology(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        String format = request.getParameter("format");
        MediaType chosen = format != null ? byFormat(format) : negotiate(request, DOCUMENT_OFFERS);
        if (chosen == null || chosen.getContentTypeStr().equals("application/n-triples")) {
            text(response, 406, "available: text/turtle, application/ld+json, text/html\n");
            return;
        }
        switch (chosen.getContentTypeStr()) {
            case "text/turtle" -> file(request, response, "ontology.ttl", "text/turtle", () -> ontologyAs(ExportFormat.TURTLE));
            case "application/ld+json" -> file(request, response, "ontology.jsonld", "application/ld+json",
                    () -> ontologyAs(ExportFormat.JSONLD));
            default -> html(response, 200, Pages.ontology(Ontology.ontology()));
        }
    }

    /** The endpoint's SPARQL 1.1 Service Description; a browser is sent to the query page instead. */
    private void serviceDescription(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        MediaType chosen = negotiate(request, SERVICE_DESCRIPTION_OFFERS);
        if (chosen == null) {
            text(response, 406, "cannot answer Accept: " + request.getHeader("Accept")
                    + "; available: text/turtle, application/ld+json, application/n-triples, text/html\n");
            return;
        }
        String type = chosen.getContentTypeStr();
        if (type.equals("text/html")) {
            response.setHeader("Location", "/sparql");
            text(response, 303, "See /sparql, the query page; send a query to this address, or ask for text/turtle\n");
            return;
        }
        ExportFormat format = switch (type) {
            case "application/ld+json" -> ExportFormat.JSONLD;
            case "application/n-triples" -> ExportFormat.NTRIPLES;
            default -> ExportFormat.TURTLE;
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.write(ServiceDescription.of(request.getRequestURL().toString(), store, timeout, resultCap, maxBody, writable).getGraph(),
                format, iris, out);
        send(response, 200, type, out.toByteArray());
    }

    private byte[] ontologyAs(ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.create(store).iris(iris).format(format).content(Exporter.Content.ONTOLOGY).writeTo(out);
        return out.toByteArray();
    }

    private void download(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        int dot = name.lastIndexOf('.');
        ExportFormat format = name.startsWith("rolegraph.") && dot > 0 ? ExportFormat.of(name.substring(dot + 1)) : null;
        if (format == null || format == ExportFormat.RDFXML && !name.endsWith(".rdf")) {
            notFound(request, response, "There is no download " + name + "; see /downloads.", List.of());
            return;
        }
        response.setHeader("Content-Disposition", "attachment; filename=\"rolegraph." + format.extension() + "\"");
        file(request, response, "rolegraph." + format.extension(), format.mediaType(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Exporter.create(store).iris(iris).format(format).writeTo(out);
            return out.toByteArray();
        });
    }

    /** Sends a cached file with ETag and Last-Modified, answering conditional requests with 304. */
    private void file(HttpServletRequest request, HttpServletResponse response, String name, String mediaType,
            java.util.function.Supplier<byte[]> maker) throws IOException {
        Downloads.File file = files.get(name, mediaType, maker);
        response.setHeader("ETag", file.etag());
        response.setHeader("Last-Modified", HTTP_DATE.format(file.lastModified()));
        response.setHeader("Cache-Control", "public, max-age=300");
        response.addHeader("Vary", "Accept-Encoding");
        String ifNoneMatch = request.getHeader("If-None-Match");
        long ifModifiedSince = ifNoneMatch == null ? request.getDateHeader("If-Modified-Since") : -1;
        if (ifNoneMatch != null && (ifNoneMatch.equals("*") || Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).anyMatch(tag -> tag.equals(file.etag()) || tag.equals("W/" + file.etag())))
                || ifModifiedSince >= 0 && !file.lastModified().isAfter(Instant.ofEpochMilli(ifModifiedSince))) {
            response.setStatus(304);
            return;
        }
        // Jetty's parser of quality lists: "gzip;q=0" is a refusal, "*" an acceptance.
        org.eclipse.jetty.http.QuotedQualityCSV accepted = new org.eclipse.jetty.http.QuotedQualityCSV();
        java.util.Collections.list(request.getHeaders("Accept-Encoding")).forEach(accepted::addValue);
        boolean gzip = accepted.getValues().stream().map(e -> e.toLowerCase(Locale.ROOT)).anyMatch(e -> e.equals("gzip") || e.equals("*"));
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        send(response, 200, file.mediaType(), gzip ? file.gzipped() : file.bytes());
    }

    private static byte[] resource(String name) {
        try (InputStream in = Ontology.open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- responses -------------------------------------------------------------------------------

    private void notFound(HttpServletRequest request, HttpServletResponse response, String what, List<String> closest)
            throws IOException {
        MediaType chosen = negotiate(request, AcceptList.create("text/html", "text/plain"));
        if (chosen != null && chosen.getContentTypeStr().equals("text/html")) {
            html(response, 404, Pages.notFound(what, closest));
        } else {
            text(response, 404, what + (closest.isEmpty() ? "" : " Closest roles: " + String.join(", ", closest)) + "\n");
        }
    }

    private static void html(HttpServletResponse response, int status, String html) throws IOException {
        send(response, status, "text/html", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void text(HttpServletResponse response, int status, String text) throws IOException {
        send(response, status, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpServletResponse response, int status, String mediaType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(mediaType + (mediaType.startsWith("text/") || mediaType.endsWith("json") ? "; charset=utf-8" : ""));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

}
