package org.rolegraph.app.server;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;

/**
 * Fuseki's SPARQL query endpoint with the limits of a public endpoint: SERVICE (federated query) is
 * refused before anything runs, a query runs at most the server's timeout (a client's {@code timeout}
 * parameter can only lower it) within QueryGuard's bounds, and a SELECT returns at most the result cap.
 */
final class SafeQuery extends SPARQL_QueryDataset {

    private final long timeoutMillis;
    private final long resultCap;

    SafeQuery(long timeoutMillis, long resultCap) {
        this.timeoutMillis = timeoutMillis;
        this.resultCap = resultCap;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        if (QueryGuard.isFederated(query)) {
            ServletOps.errorBadRequest("SERVICE (federated query) is not allowed on this endpoint");
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        long timeout = timeoutMillis;
        String asked = action.getRequestParameter("timeout");
        if (asked != null) {
            try {
                long millis = (long) (Double.parseDouble(asked) * 1000);
                if (millis > 0) {
                    timeout = Math.min(timeout, millis);
                }
            } catch (NumberFormatException e) {
                ServletOps.errorBadRequest("timeout: not a number of seconds: " + asked);
            }
        }
        Query capped = query;
        if (query.isSelectType() && (!query.hasLimit() || query.getLimit() > resultCap)) {
            capped = query.cloneQuery();
            capped.setLimit(resultCap);
        }
        return QueryGuard.exec(dataset, capped, timeout);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryText) {
        QueryExecResult result = super.executeQuery(action, exec, query, queryText);
        // Fuseki has run the query to its first solution. If that came only after the deadline, it may
        // come from a sort that the abort cut short (ARQ then hands on the rows unsorted): a 503, not a
        // wrong answer.
        if (QueryGuard.isPastDeadline(exec)) {
            throw new QueryCancelledException();
        }
        return result;
    }
}
