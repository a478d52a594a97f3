package org.rolegraph.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.rolegraph.app.EmbeddedData;
import org.rolegraph.model.IriScheme;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the SPARQL endpoint with queries built from the grammar, not from bytes: triple patterns
 * (cross products among them), chains of BINDs that feed each other (so values can grow), FILTERs,
 * aggregates with GROUP BY and HAVING, ORDER BY and LIMIT, over expressions nested up to six deep from
 * SPARQL's functions and operators. Every query must be answered within the server's timeout plus a
 * margin, with 200, 400 (an error in the query), 422 (a bound) or 503 (the timeout), never a server
 * error, and the server must keep answering /healthz. What it looks for are queries that take time or
 * memory the bounds do not see, not parse errors.
 *
 * <p>{@code mvn verify} replays the committed corpus (resources {@code SparqlFuzzTestInputs}); the
 * reliability profile fuzzes for a bounded time with JAZZER_FUZZ=1.
 */
class SparqlFuzzTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** The answer may come this long after the timeout: the result is written, the plan torn down. */
    private static final Duration MARGIN = Duration.ofSeconds(5);
    private static final Set<Integer> EXPECTED = Set.of(200, 400, 422, 503);

    private static final String[] VARIABLES = {"?s", "?p", "?o", "?s2", "?o2"};
    private static final String[] UNARY = {"STR", "STRLEN", "UCASE", "LCASE", "ENCODE_FOR_URI", "MD5", "SHA256", "ABS",
        "CEIL", "FLOOR", "ROUND", "LANG", "DATATYPE", "isIRI", "isLiteral", "BOUND", "xsd:integer", "xsd:string",
        "xsd:decimal", "xsd:double", "IRI", "BNODE", "YEAR", "STRUUID", "!", "-"};
    private static final String[] BINARY = {"CONCAT", "STRBEFORE", "STRAFTER", "CONTAINS", "STRSTARTS", "STRENDS",
        "LANGMATCHES", "STRDT", "STRLANG", "REGEX", "SUBSTR", "COALESCE", "sameTerm"};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "=", "!=", "<", ">=", "&&", "||"};
    private static final String[] AGGREGATES = {"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"};
    private static final String[] LITERALS = {"\"a\"", "\"aaaaaaaaaaaaaaaa\"", "\"manager\"@en", "\"(.*a){9}$\"", "\"$0$0$0$0\"",
        "\".\"", "\"\"", "0", "1", "-1", "2.5", "1e308", "18446744073709551616", "\"P1Y\"^^xsd:duration", "true",
        "<https://w3id.org/rolegraph/role/product-manager>", "\"2024-01-01\"^^xsd:date"};

    private static FusekiServer server;

    @FuzzTest(maxDuration = "30s")
    void everyQueryIsAnsweredWithinTheTimeoutAndNeverAServerError(FuzzedDataProvider data) {
        if (server == null) {
            server = RoleGraphServer.create(EmbeddedData.load(IriScheme.DEFAULT)).port(0).timeout(TIMEOUT).start();
        }
        String query = query(data);
        String base = "http://127.0.0.1:" + server.getHttpPort();
        long gcBefore = gcMillis();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = Http.send(HttpRequest.newBuilder(java.net.URI.create(base + "/rolegraph/sparql"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(EXPECTED.contains(response.statusCode()), response.statusCode() + " for\n" + query + "\n" + Http.text(response));
        assertTrue(took.compareTo(TIMEOUT.plus(MARGIN)) < 0, response.statusCode() + " after " + took.toMillis()
                + " ms (" + (gcMillis() - gcBefore) + " ms of it in garbage collection):\n" + query);
        assertEquals(200, Http.send(Http.get(base + "/healthz").build()).statusCode(), "the server still answers");
    }

    /** Time the collectors have taken so far: what a late answer spent collecting tells heap pressure from slow steps. */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    /** A SELECT built from the fuzzer's choices; always within the grammar's shapes, not always valid. */
    static String query(FuzzedDataProvider data) {
        StringBuilder where = new StringBuilder("  GRAPH ?g { ?s ?p ?o }\n");
        if (data.consumeBoolean()) {
            where.append("  ?s2 ?p2 ?o2 .\n");
        }
        if (data.consumeBoolean()) {
            where.append("  ?s3 ?p3 ?o3 .\n");
        }
        List<String> bound = new ArrayList<>(List.of(VARIABLES));
        int binds = data.consumeInt(0, 8);
        for (int i = 0; i < binds; i++) {
            String variable = "?b" + i;
            where.append("  BIND(").append(expression(data, bound, 0)).append(" AS ").append(variable).append(")\n");
            bound.add(variable);
        }
        if (data.consumeBoolean()) {
            where.append("  FILTER(").append(expression(data, bound, 0)).append(")\n");
        }
        StringBuilder query = new StringBuilder("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\nSELECT ");
        boolean grouped = data.consumeBoolean();
        String key = data.pickValue(bound);
        if (grouped) {
            String aggregate = data.pickValue(AGGREGATES);
            query.append(key).append(" (").append(aggregate).append(data.consumeBoolean() ? "(DISTINCT " : "(")
                    .append(aggregate.equals("COUNT") && data.consumeBoolean() ? "*" : expression(data, bound, 2))
                    .append(") AS ?agg)");
        } else {
            query.append("*");
        }
        query.append("\nWHERE {\n").append(where).append("}\n");
        if (grouped) {
            query.append("GROUP BY ").append(key).append('\n');
            if (data.consumeBoolean()) {
                query.append("HAVING (").append(data.pickValue(AGGREGATES).replace("GROUP_CONCAT", "COUNT"))
                        .append("(").append(data.pickValue(VARIABLES)).append(") > 1)\n");
            }
        }
        if (data.consumeBoolean()) {
            query.append("ORDER BY ").append(grouped ? key : expression(data, bound, 3)).append('\n');
        }
        if (data.consumeBoolean()) {
            query.append("LIMIT ").append(data.consumeInt(0, 100_000)).append('\n');
        }
        return query.toString();
    }

    private static String expression(FuzzedDataProvider data, List<String> variables, int depth) {
        int choice = depth >= 6 ? data.consumeInt(0, 1) : data.consumeInt(0, 5);
        return switch (choice) {
            case 0 -> data.pickValue(variables);
            case 1 -> data.pickValue(LITERALS);
            case 2 -> data.pickValue(UNARY) + "(" + expression(data, variables, depth + 1) + ")";
            case 3 -> data.pickValue(BINARY) + "(" + expression(data, variables, depth + 1) + ", "
                    + expression(data, variables, depth + 1) + ")";
            case 4 -> "REPLACE(" + expression(data, variables, depth + 1) + ", " + expression(data, variables, depth + 1) + ", "
                    + expression(data, variables, depth + 1) + ")";
            default -> "(" + expression(data, variables, depth + 1) + " " + data.pickValue(OPERATORS) + " "
                    + expression(data, variables, depth + 1) + ")";
        };
    }
}
