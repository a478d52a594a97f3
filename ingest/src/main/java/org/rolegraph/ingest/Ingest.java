package org.rolegraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.rolegraph.model.SchemaOrg;
import org.rolegraph.ingest.read.EntryHandler;
import org.rolegraph.ingest.read.EntryKind;
import org.rolegraph.ingest.read.Reporter;
import org.rolegraph.ingest.read.RoleDataReader;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.Ids;
import org.rolegraph.model.Ontology;
import org.rolegraph.model.RG;
import org.rolegraph.model.records.Credential;
import org.rolegraph.model.records.Organization;
import org.rolegraph.model.records.Role;
import org.rolegraph.model.records.Source;
import org.rolegraph.model.records.Term;

/**
 * Loads role-data files into a store, in one write transaction: either every file goes in, checked
 * and conforming to the SHACL shapes, or nothing changes and every problem is reported.
 *
 * <pre>{@code
 * DatasetGraph store = Stores.inMemory();
 * IngestResult result = Ingest.create().load(store, List.of(Path.of("data/catalog.yaml")));
 * }</pre>
 *
 * Each source's claims go into its named graph; a batch replaces the graph of every source it writes
 * to, so ingesting the same files again leaves the store as it was.
 */
public final class Ingest {

    /** One input: a name for messages, its format, and how to open it. */
    public record Input(String name, RoleDataReader.Format format, Opener opener, long size) {
        /** Opens the input's bytes. */
        public interface Opener {
            InputStream open() throws IOException;
        }

        /** A file; its format comes from its extension. */
        public static Input of(Path file) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                size = -1;
            }
            return new Input(file.toString(), RoleDataReader.Format.of(file.getFileName().toString()),
                    () -> Files.newInputStream(file), size);
        }
    }

    /**
     * Answers whether an entry exists outside the batch and the target store, by its IRI and class: a
     * load that stages data for a remote store asks the remote store for what the staging store lacks.
     */
    public interface ExistingEntries {
        boolean exists(String iri, String classIri);
    }

    private IriScheme iris = IriScheme.DEFAULT;
    private ExistingEntries existingEntries;
    private boolean checkShapes = true;
    private boolean dropUnmentioned;
    private IngestListener listener = IngestListener.NONE;

    private Ingest() {}

    /** A new ingest with the default base IRI, shape checks on and no progress listener. */
    public static Ingest create() {
        return new Ingest();
    }

    /** Mints data IRIs under this scheme's base. */
    public Ingest iris(IriScheme scheme) {
        this.iris = Objects.requireNonNull(scheme);
        return this;
    }

    /** Whether to check the result against the SHACL shapes before committing (default on). */
    public Ingest checkShapes(boolean check) {
        this.checkShapes = check;
        return this;
    }

    /**
     * Whether a batch may drop what a source's graph says about entries its files no longer mention
     * (default false: such a batch is refused). Replacing a graph is how an edited file takes effect,
     * but a graph that also holds claims from files outside the batch (the curated data's, someone
     * else's) would lose them without a word.
     */
    public Ingest dropUnmentioned(boolean drop) {
        this.dropUnmentioned = drop;
        return this;
    }

    /** Where references that neither the batch declares nor the target store holds are looked up (default: nowhere else). */
    public Ingest existingEntries(ExistingEntries check) {
        this.existingEntries = Objects.requireNonNull(check);
        return this;
    }

    public Ingest listener(IngestListener listener) {
        this.listener = Objects.requireNonNull(listener);
        return this;
    }

    /** Loads files into {@code store} and commits; on any problem, throws and leaves the store unchanged. */
    public IngestResult load(DatasetGraph store, List<Path> files) throws IngestException {
        return run(store, files.stream().map(Input::of).toList(), true);
    }

    /** Loads inputs into {@code store} and commits; on any problem, throws and leaves the store unchanged. */
    public IngestResult loadInputs(DatasetGraph store, List<Input> inputs) throws IngestException {
        return run(store, inputs, true);
    }

    /**
     * Checks files as a load into {@code store} would, then rolls back: the store never changes.
     * References may point at entries already in the store.
     */
    public IngestResult validate(DatasetGraph store, List<Path> files) throws IngestException {
        return run(store, files.stream().map(Input::of).toList(), false);
    }

    private IngestResult run(DatasetGraph store, List<Input> inputs, boolean commit) throws IngestException {
        if (commit && Stores.isBeingCreated(store)) {
            return runBulk(store, inputs);
        }
        long start = System.nanoTime();
        store.begin(ReadWrite.WRITE);
        try {
            Batch batch = new Batch(store);
            int index = 0;
            for (Input input : inputs) {
                batch.readFile(input, ++index, inputs.size());
            }
            batch.resolveReferences();
            batch.checkNothingLost();
            if (batch.problems.isEmpty() && checkShapes) {
                listener.validating();
                batch.checkShapes();
            }
            if (!batch.problems.isEmpty()) {
                throw new IngestException(Problem.collapsed(batch.problems));
            }
            IngestResult result = new IngestResult(inputs.size(), batch.entries, batch.storedQuads(),
                    List.copyOf(batch.clearedGraphs), Duration.ofNanos(System.nanoTime() - start), commit);
            if (commit) {
                store.commit();
            } else {
                store.abort();
            }
            return result;
        } finally {
            if (store.isInTransaction()) {
                store.abort();
            }
            store.end();
        }
    }

    /**
     * A first load, into a store Stores.write is creating: the quads stream into TDB2's parallel bulk
     * loader, which builds the indexes outside a transaction, several at once, instead of through one
     * write transaction. All or nothing still holds: on any problem the new store is thrown away
     * whole and never renamed into place. The store is empty, so there is nothing to look references
     * up in or to replace (and the loader holds it exclusively until it finishes). The shapes are
     * checked once it has.
     */
    private IngestResult runBulk(DatasetGraph store, List<Input> inputs) throws IngestException {
        long start = System.nanoTime();
        Batch batch = new Batch(store);
        Stores.bulkLoad(store, quads -> {
            batch.bulk = quads;
            int index = 0;
            for (Input input : inputs) {
                batch.readFile(input, ++index, inputs.size());
            }
            batch.resolveReferences();
            if (!batch.problems.isEmpty()) {
                throw new IngestException(Problem.collapsed(batch.problems));
            }
        });
        store.begin(ReadWrite.READ);
        try {
            if (checkShapes) {
                listener.validating();
                batch.checkShapes();
                if (!batch.problems.isEmpty()) {
                    throw new IngestException(Problem.collapsed(batch.problems));
                }
            }
            return new IngestResult(inputs.size(), batch.entries, batch.storedQuads(), List.copyOf(batch.clearedGraphs),
                    Duration.ofNanos(System.nanoTime() - start), true);
        } finally {
            store.end();
        }
    }

    /** A position in an input, for messages. */
    private record Where(String file, long line, long column) {
        Problem problem(String message) {
            return new Problem(file, line, column, message);
        }
    }

    private record Reference(EntryKind kind, String id, Where where) {}

    /** The state of one batch: what it declared, what it still has to find, and what went wrong. */
    private final class Batch implements RdfMapper.QuadSink {
        private final DatasetGraph store;
        /**
         * Where quads go in a first load (TDB2's bulk loader, set by runBulk before anything is read), or
         * null: into {@code store}, in its transaction.
         */
        private org.apache.jena.riot.system.StreamRDF bulk;
        private final RdfMapper mapper;
        private final List<Problem> problems = new ArrayList<>();
        /** Entries declared in this batch ("kind id"), with where they were first declared. */
        private final Map<String, Where> declared = new HashMap<>();
        /** Entry IRIs declared in this batch, for placing shape violations in the files. */
        private final Map<String, Where> declaredIris = new HashMap<>();
        /** References not yet declared when they were read; checked at the end. */
        private final List<Reference> pending = new ArrayList<>();
        /** Whether each source referenced before its declaration was in the store when first seen. */
        private final Map<String, Boolean> sourcesInStore = new HashMap<>();
        private final Set<String> clearedGraphs = new LinkedHashSet<>();
        private final Set<Node> cleared = new java.util.HashSet<>();
        /** The entries each replaced graph held claims about before this batch (IRIs without a fragment). */
        private final Map<Node, List<Node>> previousSubjects = new HashMap<>();
        private long entries;
        private long quads;
        private long fileEntries;
        private String file;
        private Map<String, Where> declaredInFile;

        Batch(DatasetGraph store) {
            this.store = store;
            this.mapper = new RdfMapper(iris, this);
        }

        /**
         * What the graphs hold after the batch, not what was written: the same triple written twice to
         * a graph (an entry restated in two files) is stored once. Inside a transaction.
         */
        long storedQuads() {
            return clearedGraphs.stream().mapToLong(graph -> org.apache.jena.atlas.iterator.Iter.count(
                    store.find(NodeFactory.createURI(graph), Node.ANY, Node.ANY, Node.ANY))).sum();
        }

        @Override
        public void add(Node graph, Node subject, Node predicate, Node object) {
            if (bulk != null) {
                // A new, empty store: nothing to replace.
                if (cleared.add(graph)) {
                    clearedGraphs.add(graph.getURI());
                }
                bulk.quad(org.apache.jena.sparql.core.Quad.create(graph, subject, predicate, object));
                quads++;
                return;
            }
            if (cleared.add(graph)) {
                // The first write to a source's graph in this batch replaces what was there.
                if (!dropUnmentioned) {
                    previousSubjects.put(graph, subjects(graph));
                }
                store.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
                clearedGraphs.add(graph.getURI());
            }
            store.add(graph, subject, predicate, object);
            quads++;
        }

        void readFile(Input input, int index, int total) {
            file = input.name();
            declaredInFile = new HashMap<>();
            fileEntries = 0;
            listener.fileStarted(file, index, total, input.size());
            if (input.format() == null) {
                problems.add(new Problem(file, 1, 1,
                        "unknown file type: role data files end in .yaml, .yml, .json or .csv"));
                return;
            }
            Reporter reporter = new Reporter() {
                @Override
                public void problem(long line, long column, String message) {
                    problems.add(new Problem(file, line, column, message));
                }

                @Override
                public void reference(EntryKind kind, String id, long line, long column) {
                    String key = key(kind, id);
                    if (!declared.containsKey(key)) {
                        if (kind == EntryKind.SOURCE) {
                            // Judged before this batch rewrites the source's graph, which holds its description.
                            sourcesInStore.computeIfAbsent(key, k -> existsInStore(kind, id));
                        }
                        pending.add(new Reference(kind, id, new Where(file, line, column)));
                    }
                }
            };
            int pendingBefore = pending.size();
            try (InputStream in = input.opener().open()) {
                boolean complete = new RoleDataReader().read(in, input.format(), reporter, handler(reporter),
                        (offset, count) -> listener.progress(offset, entries, quads));
                if (!complete) {
                    // The rest of the file is unread, so its references cannot be judged.
                    pending.subList(pendingBefore, pending.size()).clear();
                }
            } catch (NoSuchFileException e) {
                problems.add(new Problem(file, 1, 1, "no such file"));
            } catch (IOException e) {
                problems.add(new Problem(file, 1, 1, "cannot read: " + e.getMessage()));
            }
            if (fileEntries == 0 && problems.stream().noneMatch(p -> p.file().equals(file))) {
                problems.add(new Problem(file, 1, 1, "file declares no entries"));
            }
        }

        private String key(EntryKind kind, String id) {
            return kind.name() + " " + id;
        }

        /** Records a declaration; false (and a problem) when the file already declared the same entry. */
        private boolean declare(EntryKind kind, String id, String iri, long line, long column) {
            String key = key(kind, id);
            Where where = new Where(file, line, column);
            Where first = declaredInFile.putIfAbsent(key, where);
            if (first != null) {
                problems.add(where.problem("duplicate " + kind.noun() + " id '" + id + "' (first declared at line "
                        + first.line() + ")"));
                return false;
            }
            declared.putIfAbsent(key, where);
            declaredIris.putIfAbsent(iri, where);
            entries++;
            fileEntries++;
            return true;
        }

        private EntryHandler handler(Reporter reporter) {
            return new EntryHandler() {
                @Override
                public void source(Source source, long line, long column) {
                    if (declare(EntryKind.SOURCE, source.id(), iris.source(source.id()), line, column)) {
                        mapper.source(source);
                    }
                }

                @Override
                public void organization(Organization organization, long line, long column) {
                    if (declare(EntryKind.ORGANIZATION, organization.id(), iris.organization(organization.id()), line, column)) {
                        mapper.organization(organization);
                    }
                }

                @Override
                public void credential(Credential credential, long line, long column) {
                    if (declare(EntryKind.CREDENTIAL, credential.id(), iris.credential(credential.id()), line, column)) {
                        mapper.credential(credential);
                    }
                }

                @Override
                public void term(Term term, long line, long column) {
                    EntryKind kind = switch (term.kind()) {
                        case FAMILY -> EntryKind.FAMILY;
                        case RESPONSIBILITY -> EntryKind.RESPONSIBILITY;
                        case SKILL -> EntryKind.SKILL;
                    };
                    String iri = switch (term.kind()) {
                        case FAMILY -> iris.family(term.id());
                        case RESPONSIBILITY -> iris.responsibility(term.id());
                        case SKILL -> iris.skill(term.id());
                    };
                    if (term.label() == null) {
                        // A family entry that only adds claims: the family must exist.
                        reporter.reference(kind, term.id(), line, column);
                        entries++;
                        fileEntries++;
                        mapper.term(term);
                    } else if (declare(kind, term.id(), iri, line, column)) {
                        mapper.term(term);
                    }
                }

                @Override
                public void rejected(EntryKind kind, String id) {
                    declared.putIfAbsent(key(kind, id), new Where(file, 0, 0));
                }

                @Override
                public void role(Role role, long line, long column) {
                    if (role.label() == null) {
                        // An entry that only adds claims (or a CSV salary row): the role must exist.
                        reporter.reference(EntryKind.ROLE, role.id(), line, column);
                        entries++;
                        fileEntries++;
                        mapper.role(role);
                    } else if (declare(EntryKind.ROLE, role.id(), iris.role(role.id()), line, column)) {
                        mapper.role(role);
                    }
                }
            };
        }

        /** The distinct entries a graph has claims about: subject IRIs without a fragment, in order. */
        private List<Node> subjects(Node graph) {
            Set<Node> subjects = new java.util.TreeSet<>(java.util.Comparator.comparing(Node::getURI));
            store.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quad -> {
                if (quad.getSubject().isURI() && !quad.getSubject().getURI().contains("#")) {
                    subjects.add(quad.getSubject());
                }
            });
            return List.copyOf(subjects);
        }

        /**
         * Refuses a batch that would replace a source's graph and lose what it says about entries the
         * files do not mention: one problem per source, at its declaration, saying how to go on.
         */
        void checkNothingLost() {
            if (!problems.isEmpty()) {
                // A rejected entry already fails the batch, and its claims would count as lost.
                return;
            }
            previousSubjects.forEach((graph, before) -> {
                List<Node> lost = before.stream().filter(subject -> !store.contains(graph, subject, Node.ANY, Node.ANY)).toList();
                if (lost.isEmpty()) {
                    return;
                }
                String source = iris.graphId(graph.getURI());
                Where where = declared.get(key(EntryKind.SOURCE, source));
                if (where == null || where.line() < 1) {
                    where = new Where(file, 1, 1);
                }
                // Roles first: the entries a reader knows best.
                String roles = iris.role("");
                String examples = String.join(", ", lost.stream()
                        .sorted(java.util.Comparator.comparing((Node n) -> !n.getURI().startsWith(roles)))
                        .limit(3).map(n -> entryName(n.getURI())).toList())
                        + (lost.size() > 3 ? ", …" : "");
                problems.add(where.problem("source '" + source + "' is already in the store with claims about "
                        + lost.size() + (lost.size() == 1 ? " entry" : " entries") + " these files do not mention ("
                        + examples + "): ingesting them would replace its graph and lose those claims, so give your "
                        + "source an id of its own, or ingest these files together with the ones that hold those "
                        + "claims (or drop them on purpose with --replace)"));
            });
        }

        /** "role 'product-manager'" for an entry IRI under the base, else the IRI in angle brackets. */
        private String entryName(String iri) {
            for (EntryKind kind : EntryKind.values()) {
                String prefix = iri(kind, "");
                if (iri.startsWith(prefix) && IriScheme.isValidId(iri.substring(prefix.length()))) {
                    return kind.noun() + " '" + iri.substring(prefix.length()) + "'";
                }
            }
            return "<" + iri + ">";
        }

        /** Every reference must name an entry of this batch or one already in the store. */
        void resolveReferences() {
            Map<String, Boolean> inStore = new HashMap<>();
            for (Reference ref : pending) {
                String key = key(ref.kind(), ref.id());
                if (declared.containsKey(key)) {
                    continue;
                }
                boolean found = ref.kind() == EntryKind.SOURCE ? sourcesInStore.getOrDefault(key, false)
                        : inStore.computeIfAbsent(key, k -> existsInStore(ref.kind(), ref.id()));
                if (found && ref.kind() == EntryKind.SOURCE) {
                    // Citing a source rewrites its named graph, which holds the source's own description.
                    problems.add(ref.where().problem("source '" + ref.id() + "' is in the store but not declared in "
                            + "these files: a batch replaces the graph of every source it cites, so ingest the file "
                            + "that declares '" + ref.id() + "' together with this one"));
                } else if (!found) {
                    problems.add(ref.where().problem("unknown " + ref.kind().noun() + " '" + ref.id()
                            + "': not declared in these files nor in the store" + closest(ref)));
                }
            }
        }

        private String closest(Reference ref) {
            String prefix = ref.kind().name() + " ";
            Set<String> ids = new java.util.TreeSet<>();
            declared.keySet().stream().filter(key -> key.startsWith(prefix))
                    .forEach(key -> ids.add(key.substring(prefix.length())));
            String iriPrefix = iri(ref.kind(), "");
            // Candidates from the store too, bounded so a typo in a huge store stays cheap (a new store
            // has none, and the bulk loader holds it).
            var inStore = bulk != null ? Collections.<org.apache.jena.sparql.core.Quad>emptyIterator()
                    : store.find(Node.ANY, Node.ANY, RDF.type.asNode(), type(ref.kind()));
            try {
                for (int seen = 0; inStore.hasNext() && seen < 100_000; seen++) {
                    Node subject = inStore.next().getSubject();
                    if (subject.isURI() && subject.getURI().startsWith(iriPrefix)) {
                        ids.add(subject.getURI().substring(iriPrefix.length()));
                    }
                }
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(inStore);
            }
            List<String> near = Ids.closest(ref.id(), ids, 1);
            return near.isEmpty() ? "" : " (did you mean '" + near.get(0) + "'?)";
        }

        private String iri(EntryKind kind, String id) {
            return switch (kind) {
                case SOURCE -> iris.source(id);
                case ORGANIZATION -> iris.organization(id);
                case CREDENTIAL -> iris.credential(id);
                case FAMILY -> iris.family(id);
                case RESPONSIBILITY -> iris.responsibility(id);
                case SKILL -> iris.skill(id);
                case ROLE -> iris.role(id);
            };
        }

        private Node type(EntryKind kind) {
            return switch (kind) {
                case SOURCE -> RG.Source.asNode();
                case ORGANIZATION -> SchemaOrg.Organization.asNode();
                case CREDENTIAL -> RG.Certification.asNode();
                case FAMILY -> RG.RoleFamily.asNode();
                case RESPONSIBILITY -> RG.Responsibility.asNode();
                case SKILL -> RG.Skill.asNode();
                case ROLE -> RG.Role.asNode();
            };
        }

        private boolean existsInStore(EntryKind kind, String id) {
            if (bulk != null) {
                return existingEntries != null && existingEntries.exists(iri(kind, id), type(kind).getURI());
            }
            return store.contains(Node.ANY, NodeFactory.createURI(iri(kind, id)), RDF.type.asNode(), type(kind))
                    || existingEntries != null && existingEntries.exists(iri(kind, id), type(kind).getURI());
        }

        /** Checks the union graph against the shapes; violations are placed where the entry was declared. */
        void checkShapes() {
            ValidationReport report = ShaclValidator.get().validate(SHAPES, dataToValidate(store));
            if (report.conforms()) {
                return;
            }
            PrefixMapping prefixes = Ontology.ontology();
            Where fallback = new Where(file == null ? "(input)" : file, 1, 1);
            for (ReportEntry entry : report.getEntries()) {
                Node focus = entry.focusNode();
                String focusIri = focus.isURI() ? focus.getURI() : null;
                String entity = focusIri == null ? null : focusIri.replaceFirst("#.*$", "");
                Where where = focusIri == null ? fallback
                        : declaredIris.getOrDefault(focusIri, declaredIris.getOrDefault(entity, fallback));
                org.apache.jena.sparql.path.Path path = entry.resultPath();
                String message = describe(focusIri, prefixes)
                        + (path == null ? "" : ": " + path.toString(new org.apache.jena.sparql.core.Prologue(prefixes)))
                        + ": " + entry.message()
                        + (entry.value() == null ? "" : " (value " + entry.value() + ")");
                problems.add(where.problem("does not conform to the shapes: " + message));
            }
        }

        private String describe(String iri, PrefixMapping prefixes) {
            if (iri == null) {
                return "a blank node";
            }
            String roleId = iris.roleId(iri.replaceFirst("#.*$", ""));
            if (roleId != null) {
                return iri.contains("#") ? "role '" + roleId + "' salary " + iri.substring(iri.indexOf('#') + 1)
                        : "role '" + roleId + "'";
            }
            return "<" + iri + ">";
        }
    }

    private static final Shapes SHAPES = Shapes.parse(Ontology.shapes().getGraph());

    /**
     * Up to this many statements, the shapes are checked on an in-memory copy of the union graph: a
     * copy retains about 130 bytes a statement (measured at 475k), so a quarter of the heap's worth at
     * 512 bytes each leaves a wide margin (2 million statements for a 1 GiB heap).
     */
    static final long IN_MEMORY_VALIDATION_LIMIT = Math.max(100_000, Runtime.getRuntime().maxMemory() / 512);

    /**
     * The union of the store's named graphs, as the shapes see it. SHACL makes many small lookups, which
     * on an in-memory graph cost a fraction of what they cost through TDB2's union view (475k
     * statements: a copy and a check of about 1.3 s against 3.0 s), so a store up to
     * {@link #IN_MEMORY_VALIDATION_LIMIT} statements (a share of the heap) is copied first; a larger one
     * is checked in place, so memory stays bounded.
     */
    static Graph dataToValidate(DatasetGraph store) {
        // Taxonomy releases (graph/esco-1.1.1, ...) are checked by their importers, not by the shapes of
        // role data: their occupations have ESCO's schemes and several releases' labels side by side.
        List<Node> roleDataGraphs = new ArrayList<>();
        store.listGraphNodes().forEachRemaining(g -> {
            if (!IriScheme.isReleaseGraph(g.getURI())) {
                roleDataGraphs.add(g);
            }
        });
        Graph copy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        long count = 0;
        for (Node graph : roleDataGraphs) {
            java.util.Iterator<org.apache.jena.sparql.core.Quad> quads = store.find(graph, Node.ANY, Node.ANY, Node.ANY);
            while (quads.hasNext()) {
                if (++count > IN_MEMORY_VALIDATION_LIMIT) {
                    org.apache.jena.atlas.iterator.Iter.close(quads);
                    return new org.apache.jena.sparql.graph.GraphUnionRead(store, roleDataGraphs);
                }
                copy.add(quads.next().asTriple());
            }
        }
        return copy;
    }

}
