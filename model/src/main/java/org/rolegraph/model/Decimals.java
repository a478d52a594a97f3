package org.rolegraph.model;

import java.math.BigDecimal;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Decimal figures (salaries, ratings): the one form RoleGraph writes them in, and their value read
 * back whatever store answered. Stores spell the same value differently (TDB2 gives 161030 back as
 * "161030.0"; Jena in memory, Virtuoso and Oxigraph keep what they were sent, or drop the ".0"), so
 * nothing RoleGraph prints or exports may depend on the spelling one store chose.
 */
public final class Decimals {
    private Decimals() {}

    /**
     * The XSD 1.0 canonical form Jena itself uses ("98439.0", "1000.5", "4.12"): figures read back
     * from TDB2 come in this form, so writing it keeps every store and export byte-identical.
     */
    public static String canonical(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return stripped.setScale(0).toPlainString() + ".0";
        }
        return stripped.toPlainString();
    }

    /** An xsd:decimal literal in the form RoleGraph writes ({@link #canonical(BigDecimal)}); any other term as it is. */
    public static Node canonical(Node node) {
        BigDecimal value = valueOf(node);
        return value == null ? node : NodeFactory.createLiteralDT(canonical(value), XSDDatatype.XSDdecimal);
    }

    /** The value of a decimal's lexical form, without trailing zeros (and never in exponent form). */
    public static BigDecimal value(String lexical) {
        BigDecimal value = new BigDecimal(lexical).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * An xsd:decimal literal in XSD 1.1's canonical form, the one RoleGraph prints in query results
     * (no trailing zeros, no decimal point for a whole number); any other term as it is.
     */
    public static Node plain(Node node) {
        BigDecimal value = valueOf(node);
        return value == null ? node : NodeFactory.createLiteralDT(value.toPlainString(), XSDDatatype.XSDdecimal);
    }

    private static BigDecimal valueOf(Node node) {
        if (!node.isLiteral() || !XSDDatatype.XSDdecimal.getURI().equals(node.getLiteralDatatypeURI())) {
            return null;
        }
        try {
            return value(node.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
