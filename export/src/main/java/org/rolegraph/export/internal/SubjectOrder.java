package org.rolegraph.export.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.jena.atlas.data.BagFactory;
import org.apache.jena.atlas.data.SortedDataBag;
import org.apache.jena.atlas.data.ThresholdPolicyFactory;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.system.SerializationFactoryFinder;

/**
 * The statements of a large store in export order without sorting the statements themselves: only
 * the distinct subjects (or graph and subject pairs) are sorted, with Jena's spilling sort; then each
 * subject's statements are read from the store's index and sorted in memory, a few dozen at a time.
 * A store has about ten times fewer subjects than statements, so this sorts far less than sorting
 * every quad, in bounded memory, and gives exactly the order {@link SortedQuads} gives.
 */
public final class SubjectOrder implements AutoCloseable {

    private static final Var G = Var.alloc("g");
    private static final Var S = Var.alloc("s");
    private static final Var RUN = Var.alloc("run");

    private static final Comparator<Binding> KEYS = (a, b) -> {
        int c = ExportOrder.graphs(a.get(G), b.get(G));
        return c != 0 ? c : ExportOrder.subjects(a.get(S), b.get(S));
    };

    private final DatasetGraph store;
    private final Node graph;
    private final boolean union;
    private final SortedDataBag<Binding> keys = BagFactory.newSortedBag(
            ThresholdPolicyFactory.count(ExportOrder.SPILL_THRESHOLD), SerializationFactoryFinder.bindingSerializationFactory(), KEYS);
    private final List<Node> graphs = new ArrayList<>();

    /**
     * Reads the keys of {@code store} (inside the caller's read transaction): every graph, or only
     * {@code graph} when it is not null; {@code union} collapses graphs (and duplicate triples).
     */
    public SubjectOrder(DatasetGraph store, Node graph, boolean union) {
        this.store = store;
        this.graph = graph;
        this.union = union;
        Iterator<Quad> quads = store.find(graph == null ? Node.ANY : graph, Node.ANY, Node.ANY, Node.ANY);
        try {
            Node lastGraph = null;
            Node lastSubject = null;
            long run = 0;
            while (quads.hasNext()) {
                Quad quad = quads.next();
                // Index order groups a graph's quads by subject; only changes need recording, each with
                // the length of its run (a subject in one graph has that many distinct triples).
                if (!quad.getGraph().equals(lastGraph) || !quad.getSubject().equals(lastSubject)) {
                    addKey(lastGraph, lastSubject, run);
                    if (!quad.getGraph().equals(lastGraph) && !graphs.contains(quad.getGraph())) {
                        graphs.add(quad.getGraph());
                    }
                    lastGraph = quad.getGraph();
                    lastSubject = quad.getSubject();
                    run = 0;
                }
                run++;
            }
            addKey(lastGraph, lastSubject, run);
        } finally {
            Iter.close(quads);
        }
    }

    private void addKey(Node g, Node subject, long run) {
        if (subject != null) {
            keys.add(union ? BindingFactory.binding(S, subject, RUN, NodeFactory.createLiteralDT(Long.toString(run), XSDDatatype.XSDlong))
                    : BindingFactory.binding(G, g, S, subject));
        }
    }

    /** The graphs seen, in the store's order. */
    public List<Node> graphs() {
        return Collections.unmodifiableList(graphs);
    }

    /**
     * Counts the distinct triples of the union: a subject found in one graph has as many as its run of
     * statements there, counted while the keys were read; only a subject in several graphs is read
     * again, to count its triples once each. The keys stay, so {@link #iterator()} can follow without
     * reading and sorting them again.
     */
    public long countDistinctTriples() {
        if (!union) {
            throw new IllegalStateException("distinct triples are counted on the union's keys");
        }
        long count = 0;
        Node g = graph == null ? Node.ANY : graph;
        java.util.Set<Triple> triples = new java.util.HashSet<>();
        Iterator<Binding> sortedKeys = keys.iterator();
        Binding key = sortedKeys.hasNext() ? sortedKeys.next() : null;
        while (key != null) {
            Node subject = key.get(S);
            Binding next = sortedKeys.hasNext() ? sortedKeys.next() : null;
            if (next == null || !next.get(S).equals(subject)) {
                // In one run of one graph: its statements are its distinct triples.
                count += Long.parseLong(key.get(RUN).getLiteralLexicalForm());
            } else {
                // In several graphs (or runs): read it and count its triples once each.
                while (next != null && next.get(S).equals(subject)) {
                    next = sortedKeys.hasNext() ? sortedKeys.next() : null;
                }
                triples.clear();
                store.find(g, subject, Node.ANY, Node.ANY).forEachRemaining(q -> triples.add(q.asTriple()));
                count += triples.size();
            }
            key = next;
        }
        return count;
    }

    /** Every statement in export order; each subject's group read from the store when it is reached. */
    public Iterator<Quad> iterator() {
        Iterator<Binding> sortedKeys = keys.iterator();
        return new Iterator<>() {
            private Iterator<Quad> group = Collections.emptyIterator();
            private Binding previous;

            @Override
            public boolean hasNext() {
                while (!group.hasNext() && sortedKeys.hasNext()) {
                    Binding key = sortedKeys.next();
                    // A subject in several graphs is one key in the union: the sort puts its copies together.
                    if (previous == null || KEYS.compare(previous, key) != 0) {
                        previous = key;
                        group = group(key);
                    }
                }
                return group.hasNext();
            }

            @Override
            public Quad next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return group.next();
            }
        };
    }

    private Iterator<Quad> group(Binding key) {
        Node subject = key.get(S);
        Node g = union ? (graph == null ? Node.ANY : graph) : key.get(G);
        List<Quad> quads = new ArrayList<>();
        store.find(g, subject, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        if (union) {
            List<Quad> triples = new ArrayList<>(quads.size());
            for (Quad q : quads) {
                triples.add(Quad.create(Quad.defaultGraphIRI, q.asTriple()));
            }
            triples.sort(ExportOrder.QUADS_OF_A_SUBJECT);
            List<Quad> distinct = new ArrayList<>(triples.size());
            Triple previous = null;
            for (Quad q : triples) {
                if (previous == null || !previous.equals(q.asTriple())) {
                    distinct.add(q);
                    previous = q.asTriple();
                }
            }
            return distinct.iterator();
        }
        quads.sort(ExportOrder.QUADS_OF_A_SUBJECT);
        return quads.iterator();
    }

    @Override
    public void close() {
        keys.close();
    }
}
