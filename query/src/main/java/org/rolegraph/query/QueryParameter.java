package org.rolegraph.query;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.SKOS;
import org.rolegraph.model.IriScheme;
import org.rolegraph.model.Ontology;

/**
 * A parameter a query declares: its variable name, what kind of value it takes and whether it takes
 * several (bound as a VALUES block, or as alternatives, a UNION of BINDs, when the query asks for
 * that with {@code # @param name kind... alternatives}) or one (substituted into the query's syntax tree).
 */
public record QueryParameter(String name, Kind kind, boolean many, boolean alternatives) {

    /** What a parameter's value is. */
    public enum Kind {
        /** A role id, such as delivery-manager, esco:UUID or onet:CODE; bound as the role's IRI. */
        ROLE,
        /** An IRI, written as is or in angle brackets. */
        IRI,
        /** A concept of the ontology by local name (continuous, strategic) or IRI. */
        CONCEPT,
        /** A plain string. */
        TEXT,
        /** A whole number (xsd:integer). */
        INTEGER,
        /** An IRI when written as one (angle brackets or http(s)://), else a plain string. */
        TERM;

        /**
         * The RDF term a typed-in value stands for.
         *
         * @throws IllegalArgumentException naming the parameter when the value does not fit the kind
         */
        public Node toNode(String parameter, String value, IriScheme iris) {
            return switch (this) {
                case ROLE -> {
                    if (!IriScheme.isRoleId(value)) {
                        throw new IllegalArgumentException("parameter '" + parameter + "': '" + value
                                + "' is not a role id (lower-case kebab-case, such as product-manager, or esco:UUID, onet:CODE)");
                    }
                    yield NodeFactory.createURI(iris.role(value));
                }
                case CONCEPT -> concept(parameter, value);
                case IRI -> NodeFactory.createURI(iri(parameter, value));
                case TEXT -> NodeFactory.createLiteralString(value);
                case INTEGER -> {
                    if (!value.matches("[+-]?\\d{1,18}")) {
                        throw new IllegalArgumentException("parameter '" + parameter + "': '" + value + "' is not a whole number");
                    }
                    yield NodeFactory.createLiteralDT(value, org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
                }
                case TERM -> value.startsWith("<") && value.endsWith(">") || value.matches("https?://\\S+")
                        ? NodeFactory.createURI(iri(parameter, value)) : NodeFactory.createLiteralString(value);
            };
        }

        private static String iri(String parameter, String value) {
            String iri = value.startsWith("<") && value.endsWith(">") ? value.substring(1, value.length() - 1) : value;
            try {
                // isReference: a scheme, and a fragment allowed (isAbsolute refuses ontology#Role).
                if (!IRIx.create(iri).isReference()) {
                    throw new IllegalArgumentException("parameter '" + parameter + "': '" + value + "' is not an absolute IRI");
                }
            } catch (IRIException e) {
                throw new IllegalArgumentException("parameter '" + parameter + "': '" + value + "' is not a valid IRI");
            }
            return iri;
        }

        /** A concept of the ontology's schemes, named by its label (continuous, strategic ...) or IRI. */
        private static Node concept(String parameter, String value) {
            var concepts = Ontology.ontology().listSubjectsWithProperty(SKOS.inScheme).toList();
            for (Resource concept : concepts) {
                var label = concept.getProperty(SKOS.prefLabel);
                if (concept.getURI().equals(value) || concept.getLocalName().equalsIgnoreCase(value)
                        || (label != null && label.getString().equalsIgnoreCase(value))) {
                    return concept.asNode();
                }
            }
            throw new IllegalArgumentException("parameter '" + parameter + "': '" + value
                    + "' is not a concept of the ontology (one of: " + String.join(", ", concepts.stream()
                            .map(c -> c.getProperty(SKOS.prefLabel).getString()).sorted().toList()) + ")");
        }
    }
}
