package org.rolegraph.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.lang.sparql_11.ParseException;
import org.apache.jena.sparql.lang.sparql_11.SPARQLParser11;
import org.apache.jena.sparql.lang.sparql_11.SPARQLParser11Constants;
import org.apache.jena.sparql.lang.sparql_11.Token;
import org.apache.jena.sparql.lang.sparql_11.TokenMgrError;
import org.rolegraph.query.Roles;
import org.rolegraph.query.UnknownRoleException;
import org.rolegraph.query.QueryBindings;
import org.rolegraph.query.QueryCatalog;
import org.rolegraph.query.QueryParameter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rolegraph query NAME|FILE.rq}: runs a catalog query or any SPARQL file. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a catalog query by name, or any SPARQL query file, with parameters bound safely (in the "
                + "query's syntax tree, never pasted into its text).",
            "SELECT and ASK results come in the SPARQL 1.1 result formats; CONSTRUCT and DESCRIBE give Turtle.",
            "`rolegraph query --list` lists the catalog queries, what each answers and its parameters."})
final class QueryCommand implements Runnable {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME|FILE.rq", description = "A catalog query name or a .rq file.")
    String query;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Bind a parameter; repeat a name to give several values (e.g. --param role=product-manager).")
    List<String> params = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, json, xml, csv or tsv for SELECT and ASK; turtle, ntriples or jsonld for CONSTRUCT "
                    + "and DESCRIBE (default: text, or turtle).")
    String format;

    @Option(names = "--list", description = "List the catalog queries with what each answers and its parameters.")
    boolean list;

    @Mixin
    Backend backend = new Backend();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (String name : QueryCatalog.NAMES) {
                String text = QueryCatalog.text(name);
                out.println(name + ": " + QueryCatalog.summary(text).replaceFirst("^" + name + ":\\s*", ""));
                for (QueryParameter p : QueryCatalog.parameters(text)) {
                    out.println("    --param " + p.name() + "=" + p.kind().name().toLowerCase(Locale.ROOT)
                            + (p.many() ? " (one or more)" : ""));
                }
            }
            out.flush();
            return;
        }
        if (query == null) {
            throw new UserFacingException("give a catalog query name or a .rq file (see rolegraph query --list)", RoleGraphCommand.EXIT_USAGE);
        }
        String source;
        String text;
        if (QueryCatalog.has(query)) {
            source = query + ".rq";
            text = QueryCatalog.text(query);
        } else {
            source = query;
            try {
                text = Files.readString(Path.of(query), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                List<String> near = org.rolegraph.model.Ids.closest(query, QueryCatalog.NAMES, 1);
                throw new UserFacingException("'" + query + "' is neither a catalog query nor a file"
                        + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?")
                        + " (rolegraph query --list names them all)", RoleGraphCommand.EXIT_USAGE);
            } catch (IOException e) {
                throw new UserFacingException(query + ": cannot read: " + e.getMessage(), RoleGraphCommand.EXIT_PROBLEMS);
            }
        }
        Query parsed;
        try {
            parsed = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            SyntaxError error = syntaxError(text, e);
            throw new UserFacingException(source + ":" + error.line() + ":" + error.column() + ": " + error.message(),
                    RoleGraphCommand.EXIT_PROBLEMS);
        }
        try (RDFConnection connection = backend.connect()) {
            Roles roles = new Roles(connection, backend.iris(), backend.timeout());
            Query bound = bind(parsed, QueryCatalog.parameters(text), roles);
            List<Binding> forText = new ArrayList<>();
            connection.executeRead(() -> {
                try (var execution = connection.newQuery().query(bound)
                        .timeout(backend.timeout().toMillis(), TimeUnit.MILLISECONDS).build()) {
                    write(bound, execution, forText);
                }
            });
            if (isText(bound)) {
                var labels = roles.labels(ResultText.iris(forText));
                new ResultText(bound.getProjectVars(), forText, labels, backend.iris())
                        .write(spec.commandLine().getOut(), Text.width());
            }
        } catch (UnknownRoleException e) {
            throw new UserFacingException("--param: " + e.getMessage(), RoleGraphCommand.EXIT_PROBLEMS);
        }
    }

    /** Whether the answer is SELECT rows printed for a person (ResultText), read in full before they are printed. */
    private boolean isText(Query bound) {
        return bound.isSelectType() && (format == null || format.equalsIgnoreCase("text"));
    }

    /** Writes the answer, except SELECT rows for a person, which go into {@code forText}. */
    private void write(Query bound, org.apache.jena.query.QueryExecution execution, List<Binding> forText) {
        PrintWriter writer = spec.commandLine().getOut();
        // Jena's writers write bytes; collect them and hand the text to picocli's writer.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String chosen = format == null ? (bound.isSelectType() || bound.isAskType() ? "text" : "turtle")
                : format.toLowerCase(Locale.ROOT);
        if (bound.isAskType()) {
            boolean answer = execution.execAsk();
            if (chosen.equals("text")) {
                writer.println(answer ? "yes" : "no");
            } else {
                ResultSetMgr.write(out, answer, resultLang(chosen));
            }
        } else if (bound.isSelectType()) {
            var results = canonicalDecimals(execution.execSelect());
            if (chosen.equals("text")) {
                org.apache.jena.sparql.exec.RowSet.adapt(results).forEachRemaining(forText::add);
            } else {
                ResultSetMgr.write(out, results, resultLang(chosen));
            }
        } else {
            RDFFormat rdf = switch (chosen) {
                case "turtle", "ttl" -> RDFFormat.TURTLE_PRETTY;
                case "ntriples", "nt" -> RDFFormat.NTRIPLES;
                case "jsonld" -> RDFFormat.JSONLD11_PRETTY;
                default -> throw new UserFacingException("--format " + chosen + ": CONSTRUCT and DESCRIBE give turtle, "
                        + "ntriples or jsonld", RoleGraphCommand.EXIT_USAGE);
            };
            var model = bound.isConstructType() ? execution.execConstruct() : execution.execDescribe();
            RDFDataMgr.write(out, model, rdf);
        }
        writer.write(out.toString(StandardCharsets.UTF_8));
        writer.flush();
    }

    /** The rows with every decimal in one form, so the output is the same whatever store answered (see Decimals). */
    private static org.apache.jena.query.ResultSet canonicalDecimals(org.apache.jena.query.ResultSet results) {
        org.apache.jena.sparql.exec.RowSet rows = org.apache.jena.sparql.exec.RowSet.adapt(results);
        return org.apache.jena.query.ResultSet.adapt(org.apache.jena.sparql.exec.RowSetStream.create(rows.getResultVars(),
                org.apache.jena.atlas.iterator.Iter.map(rows, row -> {
                    org.apache.jena.sparql.engine.binding.BindingBuilder builder = org.apache.jena.sparql.engine.binding.Binding.builder();
                    row.forEach((variable, value) -> builder.add(variable, org.rolegraph.model.Decimals.plain(value)));
                    return builder.build();
                })));
    }

    private static Lang resultLang(String format) {
        return switch (format) {
            case "json" -> ResultSetLang.RS_JSON;
            case "xml" -> ResultSetLang.RS_XML;
            case "csv" -> ResultSetLang.RS_CSV;
            case "tsv" -> ResultSetLang.RS_TSV;
            default -> throw new UserFacingException("--format " + format + ": SELECT and ASK give text, json, xml, csv "
                    + "or tsv", RoleGraphCommand.EXIT_USAGE);
        };
    }

    /**
     * The --param values by name, in the order given; the binding itself is the query module's. A role
     * is any of its names, as in compare: an unknown one is an error naming the closest ids.
     */
    private Query bind(Query parsed, List<QueryParameter> declared, Roles roles) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String param : params) {
            int eq = param.indexOf('=');
            if (eq < 1) {
                throw new UserFacingException("--param " + param + ": expected NAME=VALUE", RoleGraphCommand.EXIT_USAGE);
            }
            values.computeIfAbsent(param.substring(0, eq).replaceFirst("^\\?", ""), k -> new ArrayList<>())
                    .add(param.substring(eq + 1));
        }
        for (QueryParameter parameter : declared) {
            if (parameter.kind() == QueryParameter.Kind.ROLE && values.containsKey(parameter.name())) {
                values.put(parameter.name(), values.get(parameter.name()).stream().map(name -> roles.find(name).id()).toList());
            }
        }
        try {
            return QueryBindings.bind(parsed, declared, values, backend.iris());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--param: " + e.getMessage(), RoleGraphCommand.EXIT_USAGE);
        }
    }

    /** Where a query stops parsing, 1-based, and what is wrong there, in a few words. */
    record SyntaxError(int line, int column, String message) {}

    /**
     * Where and why {@code text} does not parse, from the parser's own exceptions: ARQ's
     * QueryParseException places an error at the last token read (the one before the culprit), so the
     * query is parsed again with its SPARQL 1.1 parser, whose ParseException holds the token it could
     * not take. A lexical error holds no position: it sits at the first character after the last token
     * read, skipping blanks and comments. An error a parser action raises (a variable bound twice, say)
     * keeps the position and message of {@code failure}.
     */
    static SyntaxError syntaxError(String text, QueryParseException failure) {
        SPARQLParser11 parser = new SPARQLParser11(new java.io.StringReader(text));
        Query query = new Query();
        query.setStrict(true);
        parser.setQuery(query);
        try {
            parser.QueryUnit();
        } catch (ParseException e) {
            Token culprit = e.currentToken.next;
            return new SyntaxError(culprit.beginLine, culprit.beginColumn, culprit.kind == SPARQLParser11Constants.EOF
                    ? "syntax error: the query ends too soon" : "syntax error: unexpected '" + culprit.image + "'");
        } catch (TokenMgrError e) {
            Token last = parser.token;
            while (last.next != null) {
                last = last.next;
            }
            String[] lines = text.split("\n", -1);
            int line = last.kind == SPARQLParser11Constants.EOF || last.endLine < 1 ? 1 : last.endLine;
            int column = last.kind == SPARQLParser11Constants.EOF || last.endLine < 1 ? 1 : last.endColumn + 1;
            while (line <= lines.length) {
                String row = lines[line - 1];
                while (column <= row.length() && Character.isWhitespace(row.charAt(column - 1))) {
                    column++;
                }
                if (column <= row.length() && row.charAt(column - 1) != '#') {
                    return new SyntaxError(line, column, "lexical error: unexpected character '" + row.charAt(column - 1) + "'");
                }
                line++;
                column = 1;
            }
            return new SyntaxError(lines.length, 1, "lexical error: the query ends inside a token");
        } catch (QueryParseException e) {
            failure = e;
        }
        String message = failure.getMessage() == null ? "syntax error" : failure.getMessage().lines().findFirst().orElse("syntax error");
        return new SyntaxError(Math.max(1, failure.getLine()), Math.max(1, failure.getColumn()), message);
    }
}
