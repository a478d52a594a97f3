package org.rolegraph.query;

import java.math.BigDecimal;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Decimals in one form whatever store answered: stores write the same value differently (TDB2 writes
 * 161030 as "161030.0", Jena in memory, Virtuoso and Oxigraph as "161030"), and RoleGraph's output
 * must not depend on which one it asked. The form is XSD 1.1's canonical one: no trailing zeros, no
 * decimal point for a whole number.
 */
public final class Decimals {
    private Decimals() {}

    /** The value of a decimal's lexical form, without trailing zeros (and never in exponent form). */
    public static BigDecimal value(String lexical) {
        BigDecimal value = new BigDecimal(lexical).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** An xsd:decimal literal in the canonical form; any other term as it is. */
    public static Node canonical(Node node) {
        if (!node.isLiteral() || !XSDDatatype.XSDdecimal.getURI().equals(node.getLiteralDatatypeURI())) {
            return node;
        }
        try {
            return NodeFactory.createLiteralDT(value(node.getLiteralLexicalForm()).toPlainString(), XSDDatatype.XSDdecimal);
        } catch (NumberFormatException e) {
            return node;
        }
    }
}
