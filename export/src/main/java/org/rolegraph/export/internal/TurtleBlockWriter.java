package org.rolegraph.export.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes sorted statements as readable Turtle or TriG while they stream past: each subject once,
 * {@code a} for its types, a predicate once with its objects joined by commas, and in TriG each named
 * graph as one block. Jena's node formatter does the escaping and the prefixed names; this class only
 * lays the statements out, which Jena's streaming "blocks" writer does less compactly.
 */
public final class TurtleBlockWriter implements AutoCloseable {

    private static final Node TYPE = RDF.type.asNode();

    private final AWriter out;
    private final NodeFormatter nodes;
    private final boolean trig;
    private Node graph;
    private Node subject;
    private Node predicate;
    private boolean inGraph;

    public TurtleBlockWriter(OutputStream stream, Map<String, String> prefixes, boolean trig) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.out = IO.wrap(writer);
        PrefixMap prefixMap = PrefixMapFactory.create(prefixes);
        this.nodes = new NodeFormatterTTL(null, prefixMap);
        this.trig = trig;
        prefixes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.print("PREFIX " + e.getKey() + ": <" + e.getValue() + ">\n"));
    }

    /** Writes one statement; statements must come grouped by graph, then subject, then predicate. */
    public void quad(Quad quad) {
        Node g = trig && !quad.isDefaultGraph() ? quad.getGraph() : null;
        if (!sameNode(g, graph) || subject == null) {
            endSubject();
            if (!sameNode(g, graph)) {
                endGraph();
                if (g != null) {
                    out.print("\n");
                    nodes.format(out, g);
                    out.print(" {");
                    inGraph = true;
                }
                graph = g;
            }
        }
        String indent = inGraph ? "    " : "";
        if (!quad.getSubject().equals(subject)) {
            endSubject();
            out.print("\n" + indent);
            nodes.format(out, quad.getSubject());
            subject = quad.getSubject();
            predicate = null;
        }
        if (!quad.getPredicate().equals(predicate)) {
            out.print(predicate == null ? "\n" : " ;\n");
            out.print(indent + "    ");
            if (quad.getPredicate().equals(TYPE)) {
                out.print("a");
            } else {
                nodes.format(out, quad.getPredicate());
            }
            out.print(" ");
            predicate = quad.getPredicate();
        } else {
            // One object per line: long lists of duties or skills stay readable and diff cleanly.
            out.print(",\n" + indent + "        ");
        }
        nodes.format(out, quad.getObject());
    }

    private static boolean sameNode(Node a, Node b) {
        return a == null ? b == null : a.equals(b);
    }

    private void endSubject() {
        if (subject != null) {
            out.print(" .\n");
            subject = null;
            predicate = null;
        }
    }

    private void endGraph() {
        if (inGraph) {
            out.print("}\n");
            inGraph = false;
        }
    }

    /** Closes the last subject and graph and flushes; the stream stays open. */
    public void finish() {
        endSubject();
        endGraph();
        out.flush();
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }
}
