package org.rolegraph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.rolegraph.model.Decimals;
import org.rolegraph.model.Durations;

/**
 * Copies the named graphs RoleGraph wrote (one per source, one per release: the catalog's
 * source-graphs) from any SPARQL 1.1 store into a local dataset, through the query endpoint alone:
 * stores differ in what else they offer (Fuseki answers a Graph Store GET of the whole dataset,
 * Virtuoso and a read-only Oxigraph do not). Each graph is read with the catalog's graph query, a
 * SELECT, so a literal a store gives back in its own spelling (Virtuoso's durations as numbers,
 * TDB2's decimals with ".0") is read as it comes and turned back into the form RoleGraph writes; the
 * copy is then the same whatever store it came from, and so is everything written from it.
 */
public final class StoreGraphs {
    private StoreGraphs() {}

    /**
     * Copies every source graph whose IRI {@code wanted} accepts into {@code into} (one write
     * transaction per answer) and returns how many statements were copied.
     *
     * @throws IncompleteAnswerException when the statements of a graph read are not the statements the
     *         store counts in it (it changed while it was read, or the store stopped answering rows)
     */
    public static long copy(RDFConnection store, DatasetGraph into, Predicate<String> wanted) {
        List<String> graphs = new ArrayList<>();
        store.querySelect(QueryCatalog.get("source-graphs"), row -> {
            String graph = row.getResource("graph").getURI();
            if (wanted.test(graph)) {
                graphs.add(graph);
            }
        });
        long copied = 0;
        for (String graph : graphs) {
            copied += copyGraph(store, into, NodeFactory.createURI(graph));
        }
        return copied;
    }

    /**
     * One graph, in as many answers as the store needs. Most stores give the whole graph in one answer.
     * A store that cuts answers short (Virtuoso at its ResultSetMaxRows) is asked again for pages of
     * that many rows, with OFFSET and LIMIT on the same unsorted query: Virtuoso will not sort past
     * 10,000 rows. Unsorted pages are only as stable as the store's plan, so the copy is checked: as
     * many rows read and as many distinct statements copied as the store counts in the graph.
     */
    private static long copyGraph(RDFConnection store, DatasetGraph into, Node graph) {
        Map<String, Node> binding = Map.of("graph", graph);
        long[] held = {-1};
        store.querySelect(QueryBindings.substitute(QueryCatalog.get("graph-size"), binding),
                row -> held[0] = row.getLiteral("statements").getLong());
        Query statements = QueryBindings.substitute(QueryCatalog.get("graph"), binding);
        long read = readInto(store, statements, into, graph);
        long pageSize = read;
        while (read < held[0] && pageSize > 0) {
            Query page = statements.cloneQuery();
            page.setOffset(read);
            page.setLimit(pageSize);
            long rows = readInto(store, page, into, graph);
            read += rows;
            if (rows < pageSize) {
                break;
            }
        }
        long copied = into.calculateRead(() -> into.getGraph(graph).size());
        if (read != held[0] || copied != held[0]) {
            throw new IncompleteAnswerException(graph.getURI(), Math.min(read, copied), held[0]);
        }
        return copied;
    }

    private static long readInto(RDFConnection store, Query query, DatasetGraph into, Node graph) {
        long[] rows = {0};
        into.executeWrite(() -> store.querySelect(query, row -> {
            into.add(graph, row.get("s").asNode(), row.get("p").asNode(), asWritten(row.get("o").asNode()));
            rows[0]++;
        }));
        return rows[0];
    }

    /** A literal in the form RoleGraph writes it (see Decimals and Durations); any other term as it is. */
    static Node asWritten(Node term) {
        return Durations.canonical(Decimals.canonical(term));
    }

    /** The statements of a graph read are not as many as the store counts in it. */
    public static final class IncompleteAnswerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IncompleteAnswerException(String graph, long read, long held) {
            super(String.format(java.util.Locale.ROOT, "read %,d statements of graph <%s> where the store counts %,d "
                    + "(did it change while it was read?)", read, graph, held));
        }
    }
}
