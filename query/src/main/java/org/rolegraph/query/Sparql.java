package org.rolegraph.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;

/**
 * Runs catalog queries over an {@link RDFConnection} with their parameters bound in the query's
 * syntax tree, never spliced into its text, so no value can change what a query does.
 */
final class Sparql {

    private final RDFConnection connection;
    private final Duration timeout;

    Sparql(RDFConnection connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    /** Runs a SELECT query and hands each row to {@code consumer}, inside a read transaction. */
    void select(Query query, Consumer<QuerySolution> consumer) {
        // A local store needs a read transaction around the whole iteration; remote ones ignore it.
        connection.executeRead(() -> {
            try (var execution = connection.newQuery().query(query)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
                execution.execSelect().forEachRemaining(consumer);
            }
        });
    }

    /** Runs a SELECT query and returns its rows, copied so they outlive the transaction. */
    List<QuerySolution> select(Query query) {
        List<QuerySolution> rows = new ArrayList<>();
        select(query, row -> {
            org.apache.jena.query.QuerySolutionMap copy = new org.apache.jena.query.QuerySolutionMap();
            copy.addAll(row);
            rows.add(copy);
        });
        return rows;
    }
}
