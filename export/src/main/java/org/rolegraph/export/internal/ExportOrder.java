package org.rolegraph.export.internal;

import java.util.Comparator;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.RDF;

/**
 * The one order every export writes statements in, which is what makes exports byte-identical run
 * after run: by graph (the default graph first, as TriG writes it), by subject, then within a subject
 * rdf:type first, then by predicate and object, each in RDF term order.
 */
public final class ExportOrder {
    private ExportOrder() {}

    /**
     * Statements (or subjects) a sort holds in memory before a sorted run spills to disk; up to this
     * many a whole-store export is sorted in memory.
     */
    public static final long SPILL_THRESHOLD = 500_000;

    private static final Node TYPE = RDF.type.asNode();

    /** Graphs: the default graph (or none) first, then in term order. */
    public static int graphs(Node g1, Node g2) {
        boolean d1 = g1 == null || Quad.isDefaultGraph(g1);
        boolean d2 = g2 == null || Quad.isDefaultGraph(g2);
        if (d1 || d2) {
            return d1 == d2 ? 0 : d1 ? -1 : 1;
        }
        return NodeCmp.compareRDFTerms(g1, g2);
    }

    public static int subjects(Node s1, Node s2) {
        return NodeCmp.compareRDFTerms(s1, s2);
    }

    /** Two statements of one subject: rdf:type first, then predicate, then object. */
    public static int withinSubject(Node p1, Node o1, Node p2, Node o2) {
        boolean type1 = p1.equals(TYPE);
        boolean type2 = p2.equals(TYPE);
        if (type1 != type2) {
            return type1 ? -1 : 1;
        }
        int c = NodeCmp.compareRDFTerms(p1, p2);
        return c != 0 ? c : NodeCmp.compareRDFTerms(o1, o2);
    }

    /** Triples of one subject. */
    public static final Comparator<Triple> TRIPLES_OF_A_SUBJECT =
            (a, b) -> withinSubject(a.getPredicate(), a.getObject(), b.getPredicate(), b.getObject());

    /** Quads of one subject (and one graph, or the union). */
    public static final Comparator<Quad> QUADS_OF_A_SUBJECT =
            (a, b) -> withinSubject(a.getPredicate(), a.getObject(), b.getPredicate(), b.getObject());
}
