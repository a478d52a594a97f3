package org.rolegraph.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes compact JSON-LD against RoleGraph's context as it goes: one node object per subject, in the
 * order the subjects arrive (sorted, so output is deterministic), never the whole document in memory.
 * Values keep their RDF datatypes: a typed literal is written as a string under a term that coerces
 * it, or as an explicit value object, never as a JSON number. Nodes can be embedded (for framed
 * documents) by giving the writer a way to look up a node's own triples.
 */
public final class JsonLdWriter implements AutoCloseable {

    private static final String RDF_TYPE = RDF.type.getURI();
    private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();

    private final JsonGenerator json;
    private final JsonLdContext context;
    private final Map<String, String> blankLabels = new HashMap<>();

    public JsonLdWriter(OutputStream out, JsonLdContext context) {
        try {
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        json.setPrettyPrinter(pretty);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.context = context;
    }

    /** Opens the document: the context (embedded, or referenced by {@code contextUrl}) and @graph. */
    public void startDocument(String contextUrl) {
        try {
            json.writeStartObject();
            writeContext(contextUrl);
            json.writeArrayFieldStart("@graph");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeContext(String contextUrl) throws IOException {
        if (contextUrl != null) {
            json.writeStringField("@context", contextUrl);
        } else {
            json.writeFieldName("@context");
            new ObjectMapper().writeTree(json, context.document().get("@context"));
        }
    }

    /** Writes one subject with all its triples (consecutive, grouped by predicate). */
    public void node(Node subject, List<Triple> triples) {
        try {
            writeNode(subject, triples, s -> null, new HashSet<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void endDocument() {
        try {
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a single framed node as the whole document: the root with the nodes it points at
     * embedded (each once, where first reached), their triples found by {@code describe}.
     */
    public void framedDocument(Node root, Function<Node, List<Triple>> describe) {
        try {
            json.writeStartObject();
            writeContext(null);
            writeBody(root, describe.apply(root), describe, new HashSet<>(Set.of(root)));
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeNode(Node subject, List<Triple> triples, Function<Node, List<Triple>> describe, Set<Node> path)
            throws IOException {
        json.writeStartObject();
        writeBody(subject, triples, describe, path);
        json.writeEndObject();
    }

    private void writeBody(Node subject, List<Triple> triples, Function<Node, List<Triple>> describe, Set<Node> path)
            throws IOException {
        json.writeStringField("@id", id(subject));
        Map<String, List<Node>> byPredicate = new LinkedHashMap<>();
        for (Triple triple : triples) {
            byPredicate.computeIfAbsent(triple.getPredicate().getURI(), k -> new ArrayList<>()).add(triple.getObject());
        }
        List<Node> types = byPredicate.get(RDF_TYPE);
        if (types != null && types.stream().allMatch(Node::isURI)) {
            byPredicate.remove(RDF_TYPE);
            if (types.size() == 1) {
                json.writeStringField("@type", context.compact(types.get(0).getURI(), true));
            } else {
                json.writeArrayFieldStart("@type");
                for (Node type : types) {
                    json.writeString(context.compact(type.getURI(), true));
                }
                json.writeEndArray();
            }
        }
        for (Map.Entry<String, List<Node>> entry : byPredicate.entrySet()) {
            JsonLdContext.Term term = context.term(entry.getKey());
            json.writeFieldName(term != null ? term.name() : context.compact(entry.getKey(), true));
            List<Node> values = entry.getValue();
            boolean array = values.size() > 1 || (term != null && term.set());
            if (array) {
                json.writeStartArray();
            }
            for (Node value : values) {
                writeValue(value, term, describe, path);
            }
            if (array) {
                json.writeEndArray();
            }
        }
    }

    private void writeValue(Node value, JsonLdContext.Term term, Function<Node, List<Triple>> describe, Set<Node> path)
            throws IOException {
        if (value.isURI() || value.isBlank()) {
            List<Triple> embedded = path.contains(value) ? null : describe.apply(value);
            if (embedded != null && !embedded.isEmpty()) {
                // Embedded once: later references to the same node are plain ids.
                path.add(value);
                writeNode(value, embedded, describe, path);
            } else if (term != null && term.isIdType()) {
                json.writeString(id(value));
            } else {
                json.writeStartObject();
                json.writeStringField("@id", id(value));
                json.writeEndObject();
            }
            return;
        }
        String lexical = value.getLiteralLexicalForm();
        String language = value.getLiteralLanguage();
        String datatype = value.getLiteralDatatypeURI();
        boolean hasLanguage = language != null && !language.isEmpty();
        if (term != null && term.type() == null) {
            // Plain strings take the term's language, or none.
            boolean matches = hasLanguage ? language.equalsIgnoreCase(term.language() == null ? "" : term.language())
                    : term.language() == null && XSD_STRING.equals(datatype);
            if (matches) {
                json.writeString(lexical);
                return;
            }
        } else if (term != null && !term.isIdType() && !hasLanguage && term.type().equals(datatype)) {
            json.writeString(lexical);
            return;
        } else if (term == null && !hasLanguage && XSD_STRING.equals(datatype)) {
            json.writeString(lexical);
            return;
        }
        json.writeStartObject();
        json.writeStringField("@value", lexical);
        if (hasLanguage) {
            json.writeStringField("@language", language);
        } else if (!XSD_STRING.equals(datatype)) {
            json.writeStringField("@type", context.compact(datatype, true));
        }
        json.writeEndObject();
    }

    /** A node's @id: a compacted IRI, or a blank node label numbered in order of appearance. */
    private String id(Node node) {
        if (node.isBlank()) {
            return blankLabels.computeIfAbsent(node.getBlankNodeLabel(), k -> "_:b" + blankLabels.size());
        }
        return context.compact(node.getURI(), false);
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
