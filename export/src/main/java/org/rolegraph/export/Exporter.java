package org.rolegraph.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.rolegraph.export.internal.DatasetMetadata;
import org.rolegraph.export.internal.JsonLdContext;
import org.rolegraph.export.internal.JsonLdWriter;
import org.rolegraph.export.internal.SortedQuads;
import org.rolegraph.export.internal.SubjectOrder;
import org.rolegraph.export.internal.TurtleBlockWriter;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.Ontology;
import org.rolegraph.model.PROV;
import org.rolegraph.model.RG;

/**
 * Writes a RoleGraph store as Turtle, N-Triples, N-Quads, TriG, RDF/XML or JSON-LD: sorted, so the
 * same data gives the same bytes; streamed through a spilling sort, so large graphs do not sit in
 * memory as output; and to a file only through a temporary file that is renamed when complete.
 *
 * <pre>{@code
 * ExportResult result = Exporter.create(store).format(ExportFormat.TURTLE).writeTo(Path.of("roles.ttl"));
 * }</pre>
 *
 * Quad formats (TriG, N-Quads) keep each source's named graph; the others carry the union of the
 * graphs. A full export (no role or graph filter) starts with VoID/DCAT metadata about the data set.
 */
public final class Exporter {

    /** What an export holds. */
    public enum Content {
        /** The data set (with its metadata when the export is full). */
        DATA,
        /** The ontology only. */
        ONTOLOGY,
        /** The ontology and the data set together. */
        ALL
    }

    /** Statements between progress calls. */
    private static final long PROGRESS_EVERY = 100_000;

    private final DatasetGraph store;
    private IriScheme iris = IriScheme.DEFAULT;
    private ExportFormat format = ExportFormat.TURTLE;
    private String graph;
    private List<String> roles = List.of();
    private Content content = Content.DATA;
    private String contextUrl;
    private ExportListener listener = ExportListener.NONE;
    private long inMemoryLimit = org.rolegraph.export.internal.ExportOrder.SPILL_THRESHOLD;

    private Exporter(DatasetGraph store) {
        this.store = Objects.requireNonNull(store);
    }

    /** An exporter of {@code store} (a RoleGraph store: one named graph per source). */
    public static Exporter create(DatasetGraph store) {
        return new Exporter(store);
    }

    public Exporter iris(IriScheme scheme) {
        this.iris = Objects.requireNonNull(scheme);
        return this;
    }

    public Exporter format(ExportFormat format) {
        this.format = Objects.requireNonNull(format);
        return this;
    }

    /** Only the named graph of this source (by id); null for every graph (the default). */
    public Exporter graph(String sourceId) {
        this.graph = sourceId;
        return this;
    }

    /** Only these roles (by id), with the duties, skills, salaries and sources they point at. */
    public Exporter roles(List<String> roleIds) {
        this.roles = List.copyOf(roleIds);
        return this;
    }

    public Exporter content(Content content) {
        this.content = Objects.requireNonNull(content);
        return this;
    }

    /**
     * JSON-LD only: refer to the context at this URL instead of embedding it. By default the context
     * is embedded, so a file reads the same offline and wherever it is copied.
     */
    public Exporter contextUrl(String url) {
        this.contextUrl = url;
        return this;
    }

    /**
     * Up to this many statements a whole-store export is sorted in memory, which is fastest; past it
     * the export streams subject by subject, in bounded memory (default: the spill threshold).
     */
    public Exporter inMemoryLimit(long statements) {
        this.inMemoryLimit = statements;
        return this;
    }

    public Exporter listener(ExportListener listener) {
        this.listener = Objects.requireNonNull(listener);
        return this;
    }

    /** Writes to a file: to a temporary file beside it first, renamed into place only when complete. */
    public ExportResult writeTo(Path file) throws IOException {
        return writeFile(file, this::writeTo);
    }

    /** What fills a file, given the stream to write it to. */
    @FunctionalInterface
    public interface FileContent<T> {
        T write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} whole or not at all: into a temporary file beside it, forced to disk, made
     * readable by all, then renamed into place; on any failure the file is as it was and the temporary
     * one is gone. Every file RoleGraph writes goes this way.
     */
    public static <T> T writeFile(Path file, FileContent<T> content) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".part");
        try {
            T result;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                result = content.write(out);
                out.flush();
                channel.force(true);
            } catch (org.apache.jena.atlas.RuntimeIOException | java.io.UncheckedIOException e) {
                // Jena's writers wrap the stream's IOException (a full disk, say); callers get it back as one.
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            readableByAll(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Gives a finished file the usual rw-r--r--: temporary files are created owner-only, and an
     * export is meant to be shared.
     */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Writes one graph (a role document, say) in {@code format}: sorted and laid out like an export,
     * with no metadata.
     */
    public static void write(Graph graph, ExportFormat format, IriScheme iris, OutputStream out) {
        Exporter exporter = new Exporter(org.apache.jena.sparql.core.DatasetGraphFactory.wrap(graph)).iris(iris).format(format);
        try (SortedQuads sorted = new SortedQuads(true)) {
            graph.find().forEachRemaining(t -> sorted.add(Quad.create(Quad.defaultGraphIRI, t)));
            switch (format) {
                case JSONLD -> exporter.writeJsonLd(sorted.iterator(), List.of(), out);
                case RDFXML -> exporter.writeRdfXml(sorted.iterator(), List.of(), out);
                default -> exporter.writeStream(sorted.iterator(), List.of(), out);
            }
        }
    }

    /** Writes to a stream (left open). */
    public ExportResult writeTo(OutputStream out) {
        long start = System.nanoTime();
        CountingOutputStream counting = new CountingOutputStream(out);
        long statements = content == Content.DATA && roles.isEmpty() ? writeStore(counting) : writeSorted(counting);
        try {
            counting.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportResult(format, statements, counting.count, Duration.ofNanos(System.nanoTime() - start));
    }

    /** A selection (roles, the ontology): its quads are few, so they are sorted all together. */
    private long writeSorted(OutputStream out) {
        try (SortedQuads sorted = new SortedQuads(!format.carriesGraphs());
                SortedQuads union = format.carriesGraphs() && fullExport() ? new SortedQuads(true) : null) {
            Set<String> sources = collect(sorted, union);
            List<Triple> metadata = List.of();
            if (fullExport()) {
                long distinct = union != null ? Iter.count(union.iterator()) : Iter.count(sorted.iterator());
                metadata = DatasetMetadata.describe(iris, distinct, sources);
            }
            return write(sorted.iterator(), metadata, out);
        }
    }

    /**
     * The whole store, or one source's graph: subjects are sorted and each subject's statements read
     * from the store's index in turn, so a large store streams out in bounded memory. The metadata's
     * triple count needs one pass over the union first.
     */
    private long writeStore(OutputStream out) {
        long size;
        store.begin(ReadWrite.READ);
        try {
            size = Iter.count(Iter.limit(store.find(graph == null ? Node.ANY : NodeFactory.createURI(iris.graph(graph)),
                    Node.ANY, Node.ANY, Node.ANY), inMemoryLimit + 1));
        } finally {
            store.end();
        }
        if (size <= inMemoryLimit) {
            return writeSorted(out);
        }
        store.begin(ReadWrite.READ);
        try {
            Node only = graph == null ? null : NodeFactory.createURI(iris.graph(graph));
            List<Triple> metadata = List.of();
            // The union's keys serve the count and, for a format without graphs, the writing too.
            SubjectOrder unionOrder = fullExport() || !format.carriesGraphs() ? new SubjectOrder(store, only, true) : null;
            try {
                if (fullExport()) {
                    Set<String> sources = new TreeSet<>();
                    long distinct = unionOrder.countDistinctTriples();
                    for (Node g : unionOrder.graphs()) {
                        store.find(g, g, PROV.wasDerivedFrom.asNode(), Node.ANY)
                                .forEachRemaining(q -> sources.add(q.getObject().getURI()));
                    }
                    metadata = DatasetMetadata.describe(iris, distinct, sources);
                }
                if (!format.carriesGraphs()) {
                    return write(unionOrder.iterator(), metadata, out);
                }
                try (SubjectOrder order = new SubjectOrder(store, only, false)) {
                    return write(order.iterator(), metadata, out);
                }
            } finally {
                if (unionOrder != null) {
                    unionOrder.close();
                }
            }
        } finally {
            store.end();
        }
    }

    private long write(Iterator<Quad> quads, List<Triple> metadata, OutputStream out) {
        return switch (format) {
            case JSONLD -> writeJsonLd(quads, metadata, out);
            case RDFXML -> writeRdfXml(quads, metadata, out);
            default -> writeStream(quads, metadata, out);
        };
    }

    private boolean fullExport() {
        return roles.isEmpty() && graph == null && content != Content.ONTOLOGY;
    }

    /** Fills the sort with the selected quads; returns the IRIs of the sources they come from. */
    private Set<String> collect(SortedQuads sorted, SortedQuads union) {
        Set<String> sources = new TreeSet<>();
        if (content != Content.DATA) {
            Node ontologyGraph = NodeFactory.createURI(RG.ONTOLOGY_IRI);
            Ontology.ontology().getGraph().find().forEachRemaining(t -> add(Quad.create(ontologyGraph, t), sorted, union));
        }
        if (content == Content.ONTOLOGY) {
            return sources;
        }
        store.begin(ReadWrite.READ);
        try {
            Iterator<Quad> quads;
            if (!roles.isEmpty()) {
                quads = roleQuads().iterator();
            } else if (graph != null) {
                quads = store.find(NodeFactory.createURI(iris.graph(graph)), Node.ANY, Node.ANY, Node.ANY);
            } else {
                quads = store.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            }
            Set<Node> graphs = new HashSet<>();
            try {
                while (quads.hasNext()) {
                    Quad quad = quads.next();
                    add(quad, sorted, union);
                    graphs.add(quad.getGraph());
                }
            } finally {
                Iter.close(quads);
            }
            for (Node g : graphs) {
                store.find(g, g, PROV.wasDerivedFrom.asNode(), Node.ANY)
                        .forEachRemaining(q -> sources.add(q.getObject().getURI()));
            }
        } finally {
            store.end();
        }
        return sources;
    }

    private static void add(Quad quad, SortedQuads sorted, SortedQuads union) {
        sorted.add(quad);
        if (union != null) {
            union.add(quad);
        }
    }

    /**
     * The quads about the chosen roles: each role's own statements and its salary estimates; the
     * descriptions of the duties, skills, families, credentials, bodies and category codes they point
     * at; and the descriptions of the sources whose graphs say them.
     */
    private List<Quad> roleQuads() {
        List<Quad> quads = new ArrayList<>();
        Set<Node> described = new LinkedHashSet<>();
        Set<Node> graphs = new LinkedHashSet<>();
        for (String id : roles) {
            Node role = NodeFactory.createURI(iris.role(id));
            if (!store.contains(Node.ANY, role, Node.ANY, Node.ANY)) {
                throw new IllegalArgumentException("unknown role '" + id + "'");
            }
            described.add(role);
        }
        List<Node> queue = new ArrayList<>(described);
        for (int i = 0; i < queue.size(); i++) {
            Node subject = queue.get(i);
            boolean isChosenRole = i < roles.size();
            Iterator<Quad> about = store.find(Node.ANY, subject, Node.ANY, Node.ANY);
            while (about.hasNext()) {
                Quad quad = about.next();
                quads.add(quad);
                graphs.add(quad.getGraph());
                Node object = quad.getObject();
                // One step out from a chosen role, and from its salary estimates to their providers.
                if (object.isURI() && !object.getURI().startsWith(RG.NS) && object.getURI().startsWith(iris.base())
                        && (isChosenRole || object.getURI().startsWith(iris.base() + "organization/"))
                        && iris.roleId(object.getURI()) == null && described.add(object)) {
                    queue.add(object);
                }
                if (object.isURI() && isChosenRole && !object.getURI().startsWith(iris.base()) && described.add(object)) {
                    queue.add(object);
                }
            }
        }
        for (Node g : graphs) {
            store.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (q.getSubject().equals(g) || q.getSubject().getURI() != null
                        && q.getSubject().getURI().startsWith(iris.base() + "source/")) {
                    quads.add(q);
                }
            });
        }
        return quads;
    }

    private PrefixMapping prefixes() {
        PrefixMapping prefixes = PrefixMapping.Factory.create();
        prefixes.setNsPrefixes(Ontology.ontology().getNsPrefixMap());
        prefixes.removeNsPrefix("vann");
        prefixes.setNsPrefix("void", org.apache.jena.vocabulary.VOID.NS);
        prefixes.setNsPrefix("dcat", org.apache.jena.vocabulary.DCAT.NS);
        prefixes.setNsPrefix("role", iris.base() + "role/");
        prefixes.setNsPrefix("skill", iris.base() + "skill/");
        prefixes.setNsPrefix("responsibility", iris.base() + "responsibility/");
        prefixes.setNsPrefix("source", iris.base() + "source/");
        prefixes.setNsPrefix("graph", iris.base() + "graph/");
        prefixes.setNsPrefix("family", iris.base() + "family/");
        prefixes.setNsPrefix("organization", iris.base() + "organization/");
        prefixes.setNsPrefix("credential", iris.base() + "credential/");
        return prefixes;
    }

    /** Turtle and TriG laid out by subject; N-Triples and N-Quads through Jena's streaming writers. */
    private long writeStream(Iterator<Quad> quads, List<Triple> metadata, OutputStream out) {
        if (format == ExportFormat.TURTLE || format == ExportFormat.TRIG) {
            return writeBlocks(quads, metadata, out);
        }
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, format == ExportFormat.NQUADS ? RDFFormat.NQUADS
                : RDFFormat.NTRIPLES);
        stream.start();
        long count = 0;
        for (Triple triple : metadata) {
            stream.triple(triple);
            count++;
        }
        while (quads.hasNext()) {
            Quad quad = quads.next();
            if (format.carriesGraphs()) {
                stream.quad(quad);
            } else {
                stream.triple(quad.asTriple());
            }
            if (++count % PROGRESS_EVERY == 0) {
                listener.written(count);
            }
        }
        stream.finish();
        listener.written(count);
        return count;
    }

    private long writeBlocks(Iterator<Quad> quads, List<Triple> metadata, OutputStream out) {
        long count = 0;
        TurtleBlockWriter writer = new TurtleBlockWriter(out, prefixes().getNsPrefixMap(), format == ExportFormat.TRIG);
        for (Triple triple : metadata) {
            writer.quad(Quad.create(Quad.defaultGraphIRI, triple));
            count++;
        }
        while (quads.hasNext()) {
            writer.quad(quads.next());
            if (++count % PROGRESS_EVERY == 0) {
                listener.written(count);
            }
        }
        writer.finish();
        listener.written(count);
        return count;
    }

    /** RDF/XML has no streaming writer in Jena; the sorted triples go into a graph first. */
    private long writeRdfXml(Iterator<Quad> quads, List<Triple> metadata, OutputStream out) {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(prefixes());
        metadata.forEach(graph::add);
        quads.forEachRemaining(q -> graph.add(q.asTriple()));
        RDFDataMgr.write(out, graph, RDFFormat.RDFXML_PLAIN);
        listener.written(graph.size());
        return graph.size();
    }

    /** Compact JSON-LD with the context embedded: one node object per subject, written as it comes. */
    private long writeJsonLd(Iterator<Quad> quads, List<Triple> metadata, OutputStream out) {
        long count = 0;
        try (JsonLdWriter writer = new JsonLdWriter(out, JsonLdContext.shipped())) {
            writer.startDocument(contextUrl);
            if (!metadata.isEmpty()) {
                writer.node(metadata.get(0).getSubject(), metadata);
                count += metadata.size();
            }
            Node subject = null;
            List<Triple> group = new ArrayList<>();
            while (quads.hasNext()) {
                Triple triple = quads.next().asTriple();
                if (subject != null && !subject.equals(triple.getSubject())) {
                    writer.node(subject, group);
                    group = new ArrayList<>();
                }
                subject = triple.getSubject();
                group.add(triple);
                if (++count % PROGRESS_EVERY == 0) {
                    listener.written(count);
                }
            }
            if (subject != null) {
                writer.node(subject, group);
            }
            writer.endDocument();
        }
        listener.written(count);
        return count;
    }

    /** Counts bytes on their way out, for the summary. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
