package org.rolegraph.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.SKOS;
import org.rolegraph.export.internal.JsonLdContext;
import org.rolegraph.export.internal.JsonLdWriter;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.Ontology;
import org.rolegraph.model.PROV;
import org.rolegraph.model.RG;
import org.rolegraph.model.SchemaOrg;

/**
 * Documents about one role: a framed JSON-LD object that nests the role's duties, skills, salaries,
 * certifications and sources (with RoleGraph's context embedded), and a schema.org projection (type
 * Occupation) to embed in a web page in a {@code <script type="application/ld+json">} element.
 */
public final class RoleDocuments {
    private RoleDocuments() {}

    private static final Model ONTOLOGY = Ontology.ontology();
    private static final Node PREF_LABEL = SKOS.prefLabel.asNode();
    private static final Node DERIVED_FROM = PROV.wasDerivedFrom.asNode();

    /**
     * The role document as a graph: the role's statements, with a {@code wasDerivedFrom} link to every
     * source that describes it; the descriptions of the duties, skills, salaries, certifications,
     * bodies, category codes and sources it points at (each salary linked to its source); and the
     * labels of the roles and concepts it names. Every format of a role document carries this graph.
     *
     * @throws IllegalArgumentException when the store has no such role
     */
    public static Graph graph(DatasetGraph store, IriScheme iris, String roleId) {
        Node role = NodeFactory.createURI(iris.role(roleId));
        store.begin(ReadWrite.READ);
        try {
            List<Triple> own = union(store, role);
            if (own.isEmpty()) {
                throw new IllegalArgumentException("unknown role '" + roleId + "'");
            }
            Graph graph = GraphFactory.createDefaultGraph();
            sourcesOf(store, role).forEach(source -> graph.add(Triple.create(role, DERIVED_FROM, source)));
            own.forEach(graph::add);
            // Walk out from the role as the framed document embeds: each node described once.
            Set<Node> seen = new HashSet<>(Set.of(role));
            java.util.ArrayDeque<Node> queue = new java.util.ArrayDeque<>();
            graph.find(role, Node.ANY, Node.ANY).forEachRemaining(t -> queue.add(t.getObject()));
            while (!queue.isEmpty()) {
                Node node = queue.removeFirst();
                if ((node.isURI() || node.isBlank()) && seen.add(node)) {
                    for (Triple triple : describe(store, iris, node)) {
                        graph.add(triple);
                        queue.add(triple.getObject());
                    }
                }
            }
            return graph;
        } finally {
            store.end();
        }
    }

    /**
     * The role document as one JSON-LD object (RoleGraph's context embedded): the role with the nodes
     * it points at nested inside it, each once. It expands to exactly {@link #graph}.
     *
     * @throws IllegalArgumentException when the store has no such role
     */
    public static String framed(DatasetGraph store, IriScheme iris, String roleId) {
        Graph graph = graph(store, iris, roleId);
        Node role = NodeFactory.createURI(iris.role(roleId));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonLdWriter writer = new JsonLdWriter(out, JsonLdContext.shipped())) {
            writer.framedDocument(role, node -> {
                List<Triple> triples = new ArrayList<>(graph.find(node, Node.ANY, Node.ANY).toList());
                // Sources first, then rdf:type, then the rest in term order.
                triples.sort(Comparator.comparing((Triple t) -> !t.getPredicate().equals(DERIVED_FROM)).thenComparing(org.rolegraph.export.internal.ExportOrder.TRIPLES_OF_A_SUBJECT));
                return triples;
            });
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What to embed for a node the role points at: labels only for other roles and ontology concepts. */
    private static List<Triple> describe(DatasetGraph store, IriScheme iris, Node node) {
        if (!node.isURI()) {
            return union(store, node);
        }
        String iri = node.getURI();
        if (iri.startsWith(RG.NS)) {
            var label = ONTOLOGY.getResource(iri).getProperty(SKOS.prefLabel);
            return label == null ? List.of() : List.of(Triple.create(node, PREF_LABEL, label.getObject().asNode()));
        }
        if (iris.roleId(iri) != null) {
            return Iter.toList(store.find(Node.ANY, node, PREF_LABEL, Node.ANY)).stream().map(Quad::asTriple).distinct().toList();
        }
        List<Triple> triples = new ArrayList<>(union(store, node));
        if (iri.startsWith(iris.base() + "role/") && iri.contains("#salary-")) {
            sourcesOf(store, node).forEach(source -> triples.add(0, Triple.create(node, DERIVED_FROM, source)));
        }
        return triples;
    }

    /** A subject's triples across all graphs, once each, sorted (rdf:type first). */
    private static List<Triple> union(DatasetGraph store, Node subject) {
        Set<Triple> triples = new TreeSet<>(org.rolegraph.export.internal.ExportOrder.TRIPLES_OF_A_SUBJECT);
        store.find(Node.ANY, subject, Node.ANY, Node.ANY).forEachRemaining(q -> triples.add(q.asTriple()));
        return new ArrayList<>(triples);
    }


    /** The sources whose graphs hold statements about {@code subject}, in IRI order. */
    private static List<Node> sourcesOf(DatasetGraph store, Node subject) {
        Set<Node> graphs = new LinkedHashSet<>();
        store.find(Node.ANY, subject, Node.ANY, Node.ANY).forEachRemaining(q -> graphs.add(q.getGraph()));
        Set<Node> sources = new TreeSet<>(NodeCmp::compareRDFTerms);
        for (Node graph : graphs) {
            store.find(graph, graph, DERIVED_FROM, Node.ANY).forEachRemaining(q -> sources.add(q.getObject()));
        }
        return new ArrayList<>(sources);
    }

    /**
     * The role as schema.org JSON-LD: an {@code Occupation} with its name, description, alternative
     * names, responsibilities, skills, education, qualifications, estimated salaries and occupational
     * categories. An average salary (which schema.org's distributions do not have) is given as a
     * {@code MonetaryAmount} value, never as a median.
     *
     * @throws IllegalArgumentException when the store has no such role
     */
    public static String schemaOrg(DatasetGraph store, IriScheme iris, String roleId) {
        Node role = NodeFactory.createURI(iris.role(roleId));
        store.begin(ReadWrite.READ);
        try {
            Map<String, List<Node>> values = values(store, role);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("unknown role '" + roleId + "'");
            }
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            ObjectNode json = mapper.createObjectNode();
            json.put("@context", "https://schema.org");
            json.put("@type", "Occupation");
            json.put("@id", role.getURI());
            first(values, SKOS.prefLabel.getURI()).ifPresent(v -> json.put("name", v.getLiteralLexicalForm()));
            first(values, SKOS.definition.getURI()).ifPresent(v -> json.put("description", v.getLiteralLexicalForm()));
            texts(json, "alternateName", values.get(SKOS.altLabel.getURI()));
            ArrayNode responsibilities = json.putArray("responsibilities");
            for (Node duty : values.getOrDefault(SchemaOrg.responsibilities.getURI(), List.of())) {
                label(store, duty).ifPresent(responsibilities::add);
            }
            ArrayNode skills = json.putArray("skills");
            for (Node skill : values.getOrDefault(SchemaOrg.skills.getURI(), List.of())) {
                label(store, skill).ifPresent(name -> skills.addObject().put("@type", "DefinedTerm").put("@id", skill.getURI())
                        .put("name", name));
            }
            texts(json, "educationRequirements", values.get(SchemaOrg.educationRequirements.getURI()));
            ArrayNode qualifications = json.putArray("qualifications");
            for (Node credential : values.getOrDefault(SchemaOrg.qualifications.getURI(), List.of())) {
                Map<String, List<Node>> c = values(store, credential);
                ObjectNode q = qualifications.addObject().put("@type", "EducationalOccupationalCredential");
                first(c, SchemaOrg.name.getURI()).ifPresent(v -> q.put("name", v.getLiteralLexicalForm()));
                for (Node body : c.getOrDefault(SchemaOrg.recognizedBy.getURI(), List.of())) {
                    first(values(store, body), SchemaOrg.name.getURI())
                            .ifPresent(v -> q.putObject("recognizedBy").put("@type", "Organization").put("name", v.getLiteralLexicalForm()));
                }
            }
            ArrayNode salaries = json.putArray("estimatedSalary");
            for (Node salary : values.getOrDefault(SchemaOrg.estimatedSalary.getURI(), List.of())) {
                salary(salaries, values(store, salary));
            }
            ArrayNode categories = json.putArray("occupationalCategory");
            for (Node code : values.getOrDefault(SchemaOrg.occupationalCategory.getURI(), List.of())) {
                Map<String, List<Node>> c = values(store, code);
                ObjectNode category = categories.addObject().put("@type", "CategoryCode").put("@id", code.getURI());
                first(c, SchemaOrg.codeValue.getURI()).ifPresent(v -> category.put("codeValue", v.getLiteralLexicalForm()));
                first(c, SchemaOrg.name.getURI()).ifPresent(v -> category.put("name", v.getLiteralLexicalForm()));
                first(c, SchemaOrg.inCodeSet.getURI()).ifPresent(v -> category.putObject("inCodeSet")
                        .put("@type", "CategoryCodeSet").put("name", v.getLiteralLexicalForm()));
            }
            ArrayNode sameAs = json.putArray("sameAs");
            values.getOrDefault(SKOS.exactMatch.getURI(), List.of()).forEach(n -> sameAs.add(n.getURI()));
            List<String> empty = new ArrayList<>();
            json.properties().forEach(e -> {
                if (e.getValue().isArray() && e.getValue().isEmpty()) {
                    empty.add(e.getKey());
                }
            });
            json.remove(empty);
            try {
                return mapper.writeValueAsString(json) + "\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } finally {
            store.end();
        }
    }

    private static void salary(ArrayNode salaries, Map<String, List<Node>> s) {
        String currency = first(s, SchemaOrg.currency.getURI()).map(Node::getLiteralLexicalForm).orElse(null);
        String duration = first(s, SchemaOrg.duration.getURI()).map(Node::getLiteralLexicalForm).orElse(null);
        boolean distribution = s.containsKey(SchemaOrg.median.getURI()) || s.containsKey(SchemaOrg.percentile10.getURI())
                || s.containsKey(SchemaOrg.percentile90.getURI());
        if (distribution) {
            ObjectNode d = salaries.addObject().put("@type", "MonetaryAmountDistribution");
            d.put("currency", currency);
            if (duration != null) {
                d.put("duration", duration);
            }
            number(d, "median", s, SchemaOrg.median.getURI());
            number(d, "percentile10", s, SchemaOrg.percentile10.getURI());
            number(d, "percentile90", s, SchemaOrg.percentile90.getURI());
        }
        boolean amount = s.containsKey(RG.mean.getURI()) || s.containsKey(SchemaOrg.minValue.getURI());
        if (amount) {
            ObjectNode a = salaries.addObject().put("@type", "MonetaryAmount");
            a.put("currency", currency);
            number(a, "value", s, RG.mean.getURI());
            number(a, "minValue", s, SchemaOrg.minValue.getURI());
            number(a, "maxValue", s, SchemaOrg.maxValue.getURI());
            String period = duration == null ? "period not stated" : switch (duration) {
                case "P1Y" -> "a year";
                case "P1M" -> "a month";
                case "P7D" -> "a week";
                case "P1D" -> "a day";
                case "PT1H" -> "an hour";
                default -> duration;
            };
            a.put("description", (s.containsKey(RG.mean.getURI()) ? "Average (mean) pay" : "Pay range") + ", " + period);
        }
    }

    private static void number(ObjectNode json, String field, Map<String, List<Node>> values, String property) {
        first(values, property).ifPresent(v -> json.put(field, new BigDecimal(v.getLiteralLexicalForm()).stripTrailingZeros()));
    }

    private static void texts(ObjectNode json, String field, List<Node> nodes) {
        if (nodes != null && !nodes.isEmpty()) {
            ArrayNode array = json.putArray(field);
            nodes.forEach(n -> array.add(n.getLiteralLexicalForm()));
        }
    }

    private static java.util.Optional<String> label(DatasetGraph store, Node node) {
        return first(values(store, node), SKOS.prefLabel.getURI()).map(Node::getLiteralLexicalForm);
    }

    private static java.util.Optional<Node> first(Map<String, List<Node>> values, String property) {
        List<Node> nodes = values.get(property);
        return nodes == null || nodes.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(nodes.get(0));
    }

    /** A subject's values by property across all graphs, once each, in term order. */
    private static Map<String, List<Node>> values(DatasetGraph store, Node subject) {
        Map<String, Set<Node>> sorted = new TreeMap<>();
        store.find(Node.ANY, subject, Node.ANY, Node.ANY).forEachRemaining(q -> sorted
                .computeIfAbsent(q.getPredicate().getURI(), k -> new TreeSet<>(NodeCmp::compareRDFTerms)).add(q.getObject()));
        Map<String, List<Node>> values = new TreeMap<>();
        sorted.forEach((p, nodes) -> values.put(p, new ArrayList<>(nodes)));
        return values;
    }
}
