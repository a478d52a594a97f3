package org.rolegraph.export.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rolegraph.model.Ontology;

/**
 * RoleGraph's JSON-LD context ({@code context.jsonld} in the model module), read once: its terms,
 * their coercions (IRI, datatype, language, set), its prefixes and its base, which the JSON-LD writer
 * uses to write compact JSON-LD directly.
 */
public final class JsonLdContext {

    /** How a term maps an IRI and what its plain values mean. */
    public record Term(String name, String iri, String type, String language, boolean set) {
        boolean isIdType() {
            return "@id".equals(type);
        }
    }

    private static final JsonLdContext SHIPPED = load();

    private final ObjectNode document;
    private final String base;
    private final Map<String, Term> byIri = new HashMap<>();
    private final Map<String, String> classTerms = new HashMap<>();
    /** Prefixes, longest namespace first, so the most specific one wins. */
    private final List<Map.Entry<String, String>> prefixes = new ArrayList<>();

    private JsonLdContext(ObjectNode document) {
        this.document = document;
        JsonNode context = document.get("@context");
        this.base = context.path("@base").asText(null);
        Map<String, String> prefixMap = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = context.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("@")) {
                continue;
            }
            if (value.isTextual() && (value.asText().endsWith("#") || value.asText().endsWith("/"))) {
                prefixMap.put(name, value.asText());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = context.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("@") || prefixMap.containsKey(name)) {
                continue;
            }
            if (value.isTextual()) {
                classTerms.put(expand(value.asText(), prefixMap), name);
            } else {
                String iri = expand(value.get("@id").asText(), prefixMap);
                String type = value.has("@type") ? value.get("@type").asText() : null;
                if (type != null && !type.startsWith("@")) {
                    type = expand(type, prefixMap);
                }
                Term term = new Term(name, iri, type, value.path("@language").asText(null),
                        "@set".equals(value.path("@container").asText(null)));
                if (byIri.put(iri, term) != null) {
                    throw new IllegalStateException("two terms for " + iri + " in the context");
                }
            }
        }
        prefixes.addAll(prefixMap.entrySet());
        prefixes.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getValue().length())
                .thenComparing(Map.Entry::getKey));
    }

    private static String expand(String value, Map<String, String> prefixes) {
        int colon = value.indexOf(':');
        if (colon > 0 && prefixes.containsKey(value.substring(0, colon))) {
            return prefixes.get(value.substring(0, colon)) + value.substring(colon + 1);
        }
        return value;
    }

    private static JsonLdContext load() {
        try (InputStream in = Ontology.open(Ontology.CONTEXT_RESOURCE)) {
            return new JsonLdContext((ObjectNode) new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The context shipped with RoleGraph. */
    public static JsonLdContext shipped() {
        return SHIPPED;
    }

    /** The whole context document ({"@context": {...}}), to embed or publish. */
    public ObjectNode document() {
        return document.deepCopy();
    }

    /** The context's {@code @base}: data IRIs under it are written relative to it. */
    public String base() {
        return base;
    }

    /** The term for a property IRI, or null. */
    public Term term(String iri) {
        return byIri.get(iri);
    }

    /** Every property term, for checks. */
    public Map<String, Term> terms() {
        return Map.copyOf(byIri);
    }

    /** Every class term name by IRI, for checks. */
    public Map<String, String> classTerms() {
        return Map.copyOf(classTerms);
    }

    /**
     * The shortest safe form of an IRI. In a vocabulary position (a key or a type) a term, a compact
     * IRI or the IRI itself; in a value position also a reference relative to the base.
     */
    public String compact(String iri, boolean vocab) {
        if (vocab) {
            String term = classTerms.get(iri);
            if (term != null) {
                return term;
            }
            Term property = byIri.get(iri);
            if (property != null) {
                return property.name();
            }
        }
        for (Map.Entry<String, String> prefix : prefixes) {
            String namespace = prefix.getValue();
            if (iri.startsWith(namespace) && iri.length() > namespace.length()) {
                String suffix = iri.substring(namespace.length());
                // "p://x" would read as an absolute IRI, and "p:" alone as nothing.
                if (!suffix.startsWith("//")) {
                    return prefix.getKey() + ":" + suffix;
                }
            }
        }
        if (!vocab && base != null && iri.startsWith(base) && iri.length() > base.length()) {
            String relative = iri.substring(base.length());
            char first = relative.charAt(0);
            if (relative.indexOf(':') < 0 && first != '/' && first != '?' && first != '#' && first != '.') {
                return relative;
            }
        }
        return iri;
    }
}
