package org.rolegraph.ingest;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;

/**
 * A dataset whose default graph is the union of its named graphs, for datasets (Jena's in-memory
 * TIM) that have no such setting of their own, as TDB2 has. Every claim lives in its source's named
 * graph; queries without GRAPH see them all, as they do on a TDB2 store. It is a view (the marker
 * interface), so ARQ runs queries on it instead of unwrapping it to the plain dataset. As on TDB2,
 * only the default graph seen by queries is the union: quads found by {@code find} keep their graph.
 */
final class UnionDefaultGraph extends DatasetGraphWrapper implements DatasetGraphWrapperView {

    UnionDefaultGraph(DatasetGraph named) {
        super(named);
    }

    @Override
    public Graph getDefaultGraph() {
        return getUnionGraph();
    }
}
