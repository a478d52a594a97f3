package org.rolegraph.ingest.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.rolegraph.ingest.IngestException;
import org.rolegraph.ingest.IngestListener;
import org.rolegraph.ingest.Problem;
import org.rolegraph.ingest.read.DelimitedTable;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.PROV;
import org.rolegraph.model.RG;
import org.rolegraph.model.SchemaOrg;

/**
 * One import of a taxonomy release into a store: one write transaction in which the release's named
 * graph is replaced by what the release's files say, or, when any file is malformed, nothing changes
 * and every problem is reported with its file, line and column. Flaws of a real release that lose
 * little (a relation to an occupation the release lacks, an empty skill type) are warnings: counted by
 * kind, the row (or the value) skipped, and the import goes on.
 *
 * <p>The importers of each taxonomy ({@code esco}, {@code onet}) read their files through
 * {@link #readTable} and write through {@link #add}; this class owns the transaction, the release's
 * source description, problems, warnings and progress.
 */
public final class ReleaseImport {

    /** What an importer does inside the transaction. */
    public interface Body {
        void run(ReleaseImport release);
    }

    private final DatasetGraph store;
    private final IriScheme iris;
    private final Release release;
    private final IngestListener listener;
    private final int totalFiles;
    private final Node graph;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, long[]> warningCounts = new LinkedHashMap<>();
    private final Map<String, String[]> warningFirst = new LinkedHashMap<>();
    private final Set<Path> filesRead = new LinkedHashSet<>();
    private String file;
    private long rows;
    private long added;
    /** Where triples go in a first import (TDB2's bulk loader), or null: into {@code store}, in its transaction. */
    private org.apache.jena.riot.system.StreamRDF bulk;

    private ReleaseImport(DatasetGraph store, IriScheme iris, Release release, IngestListener listener, int totalFiles) {
        this.store = store;
        this.iris = iris;
        this.release = release;
        this.listener = listener;
        this.totalFiles = totalFiles;
        this.graph = NodeFactory.createURI(iris.graph(release.id()));
    }

    /**
     * Runs {@code body} in one write transaction on {@code store}: the release's graph is emptied,
     * described and filled; committed when no file had a problem, else rolled back and every problem
     * thrown in an {@link IngestException}.
     */
    public static ImportResult run(DatasetGraph store, IriScheme iris, Release release, int files, IngestListener listener,
            Body body) throws IngestException {
        long start = System.nanoTime();
        ReleaseImport in = new ReleaseImport(store, iris, release, listener, files);
        if (org.rolegraph.ingest.Stores.isBeingCreated(store)) {
            return in.runBulk(body, start);
        }
        store.begin(ReadWrite.WRITE);
        try {
            // Re-importing a release replaces it; another release's graph stays beside it.
            store.deleteAny(in.graph, Node.ANY, Node.ANY, Node.ANY);
            in.describeRelease();
            // A file that cannot be read is a problem of that file (readTable), so the others are still read.
            body.run(in);
            in.failOnProblems();
            long quads = store.getGraph(in.graph).size();
            store.commit();
            return new ImportResult(release, in.graph.getURI(), in.filesRead.size(), in.rows, quads, in.warnings(),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            if (store.isInTransaction()) {
                store.abort();
            }
            store.end();
        }
    }

    /**
     * A first import, into a store Stores.write is creating: the triples stream into TDB2's parallel
     * bulk loader, as a first ingest's do (Ingest). On any problem the new store is thrown away whole.
     */
    private ImportResult runBulk(Body body, long start) throws IngestException {
        org.rolegraph.ingest.Stores.bulkLoad(store, quads -> {
            bulk = quads;
            describeRelease();
            body.run(this);
            failOnProblems();
        });
        long quads = store.calculateRead(() -> store.getGraph(graph).size());
        return new ImportResult(release, graph.getURI(), filesRead.size(), rows, quads, warnings(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Throws every problem of the release, sorted, when it has any. */
    private void failOnProblems() throws IngestException {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            Collections.sort(sorted);
            throw new IngestException(sorted);
        }
    }

    public IriScheme iris() {
        return iris;
    }

    /** Adds a triple to the release's graph. */
    public void add(Node subject, Node predicate, Node object) {
        if (bulk != null) {
            bulk.quad(org.apache.jena.sparql.core.Quad.create(graph, subject, predicate, object));
        } else {
            store.add(graph, subject, predicate, object);
        }
        added++;
    }

    /** A warning of the given kind about the current row of the current file; the row goes on or is skipped by the caller. */
    public void warn(String kind, long line) {
        warningCounts.computeIfAbsent(kind, k -> new long[1])[0]++;
        warningFirst.putIfAbsent(kind, new String[] {file, Long.toString(line)});
    }

    /** A problem that makes the import fail: the release cannot be read as it is. */
    public void problem(String fileName, long line, long column, String message) {
        problems.add(new Problem(fileName, line, column, message));
    }

    /**
     * Reads one file of the release with {@code table}, row by row into {@code handler}. A file whose
     * header lacks a needed column, or that is malformed, adds problems and the import will fail.
     */
    public void readTable(Path path, DelimitedTable table, DelimitedTable.RowHandler handler) {
        file = path.toString();
        filesRead.add(path);
        String name = file;
        try (InputStream in = Files.newInputStream(path)) {
            listener.fileStarted(file, filesRead.size(), totalFiles, Files.size(path));
            table.read(in, (line, column, message) -> problems.add(new Problem(name, line, column, message)), row -> {
                rows++;
                handler.row(row);
            }, (chars, count) -> listener.progress(chars, rows, added));
        } catch (IOException e) {
            // The other files are still read, so that every problem of the release is reported at once.
            problems.add(new Problem(name, 1, 1, "cannot read: " + e.getMessage()));
        }
    }

    private List<ImportResult.Warning> warnings() {
        List<ImportResult.Warning> list = new ArrayList<>();
        warningCounts.forEach((kind, count) -> {
            String[] first = warningFirst.get(kind);
            list.add(new ImportResult.Warning(kind, count[0], first[0], Long.parseLong(first[1])));
        });
        return list;
    }

    /** The release as a source: title, version, publisher, download page, terms and attribution. */
    private void describeRelease() {
        Node source = NodeFactory.createURI(iris.source(release.id()));
        add(source, RDF.type.asNode(), RG.Source.asNode());
        add(source, RDF.type.asNode(), PROV.Entity.asNode());
        add(source, RDF.type.asNode(), RG.ReferenceDataset.asNode());
        add(source, DCTerms.title.asNode(), english(release.title()));
        add(source, NodeFactory.createURI(org.apache.jena.vocabulary.DCAT.NS + "version"), NodeFactory.createLiteralString(release.version()));
        Release.Publisher publisher = release.publisher();
        Node organization = NodeFactory.createURI(iris.organization(publisher.id()));
        add(source, DCTerms.publisher.asNode(), organization);
        add(organization, RDF.type.asNode(), SchemaOrg.Organization.asNode());
        add(organization, SchemaOrg.name.asNode(), NodeFactory.createLiteralString(publisher.name()));
        if (publisher.abbreviation() != null) {
            add(organization, SchemaOrg.alternateName.asNode(), NodeFactory.createLiteralString(publisher.abbreviation()));
        }
        if (publisher.url() != null) {
            add(organization, SchemaOrg.url.asNode(), NodeFactory.createURI(publisher.url()));
        }
        if (release.url() != null) {
            add(source, SchemaOrg.url.asNode(), NodeFactory.createURI(release.url()));
        }
        if (release.licence() != null) {
            add(source, DCTerms.license.asNode(), NodeFactory.createURI(release.licence()));
        }
        if (release.rights() != null) {
            add(source, DCTerms.rights.asNode(), english(release.rights()));
        }
        if (release.attribution() != null) {
            add(source, RG.attribution.asNode(), english(release.attribution()));
        }
        add(graph, PROV.wasDerivedFrom.asNode(), source);
    }

    /** An English literal. */
    public static Node english(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    /**
     * The labels of a multi-value field: one per line (ESCO's lists), blanks around each stripped,
     * empty ones and repeats dropped, in file order.
     */
    public static List<String> lines(String field) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : field.split("\n")) {
            String stripped = value.strip();
            if (!stripped.isEmpty()) {
                values.add(stripped);
            }
        }
        return List.copyOf(values);
    }

    /**
     * The names a role is found by, folded (see {@code rg:lookupKey}): its id, its code and each label
     * in every language, written once each.
     */
    public void lookupKeys(Node role, java.util.Collection<String> names) {
        Set<String> keys = new java.util.TreeSet<>();
        for (String name : names) {
            if (!name.isBlank()) {
                keys.add(org.rolegraph.model.Names.fold(name));
            }
        }
        for (String key : keys) {
            add(role, RG.lookupKey.asNode(), NodeFactory.createLiteralString(key));
        }
    }

    /** SKOS labels of a concept in one language: the preferred one, and the others without repeating it. */
    public void labels(Node concept, String lang, String preferred, List<String> alternative, List<String> hidden) {
        Set<String> seen = new LinkedHashSet<>();
        if (!preferred.isEmpty()) {
            add(concept, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(preferred, lang));
            seen.add(preferred);
        }
        // SKOS keeps preferred, alternative and hidden labels apart (integrity condition S13).
        for (String alt : alternative) {
            if (seen.add(alt)) {
                add(concept, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(alt, lang));
            }
        }
        for (String hide : hidden) {
            if (seen.add(hide)) {
                add(concept, SKOS.hiddenLabel.asNode(), NodeFactory.createLiteralLang(hide, lang));
            }
        }
    }
}
