package org.rolegraph.export.internal;

import java.util.Comparator;
import java.util.Iterator;

import org.apache.jena.atlas.data.BagFactory;
import org.apache.jena.atlas.data.SortedDataBag;
import org.apache.jena.atlas.data.ThresholdPolicyFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.system.SerializationFactoryFinder;

/**
 * Sorts quads into the order exports write them ({@link ExportOrder})
 * with Jena's spilling sort: past a threshold the sorted runs go to temporary files, so a graph of
 * millions of triples is sorted in bounded memory. Sorting is what makes exports byte-identical
 * run after run and groups each subject's statements together.
 */
public final class SortedQuads implements AutoCloseable {

    private static final Var G = Var.alloc("g");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private static final Comparator<Binding> ORDER = (a, b) -> {
        int c = ExportOrder.graphs(a.get(G), b.get(G));
        if (c != 0) {
            return c;
        }
        c = ExportOrder.subjects(a.get(S), b.get(S));
        return c != 0 ? c : ExportOrder.withinSubject(a.get(P), a.get(O), b.get(P), b.get(O));
    };

    private final SortedDataBag<Binding> bag = BagFactory.newSortedBag(
            ThresholdPolicyFactory.count(ExportOrder.SPILL_THRESHOLD), SerializationFactoryFinder.bindingSerializationFactory(), ORDER);
    private final boolean union;
    private long added;

    /** With {@code union}, graphs are dropped and duplicate triples collapse to one. */
    public SortedQuads(boolean union) {
        this.union = union;
    }

    public void add(Quad quad) {
        Node graph = union || quad.isDefaultGraph() ? Quad.defaultGraphIRI : quad.getGraph();
        bag.add(BindingFactory.binding(G, graph, S, quad.getSubject(), P, quad.getPredicate(), O, quad.getObject()));
        added++;
    }

    public long added() {
        return added;
    }

    /** The quads in order, duplicates removed (in union mode the graph is the default graph). */
    public Iterator<Quad> iterator() {
        Iterator<Binding> sorted = bag.iterator();
        return new Iterator<>() {
            private Binding previous;
            private Binding next = advance();

            private Binding advance() {
                while (sorted.hasNext()) {
                    Binding candidate = sorted.next();
                    if (previous == null || ORDER.compare(previous, candidate) != 0) {
                        previous = candidate;
                        return candidate;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Quad next() {
                Binding b = next;
                next = advance();
                return Quad.create(b.get(G), b.get(S), b.get(P), b.get(O));
            }
        };
    }

    @Override
    public void close() {
        bag.close();
    }
}
