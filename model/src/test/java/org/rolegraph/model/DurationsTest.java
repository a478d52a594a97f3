package org.rolegraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    private static Node duration(String lexical) {
        return NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDduration);
    }

    /** Pairs seen on Virtuoso 7.2.5: the duration sent, and the number it gave back for it. */
    @ParameterizedTest
    @CsvSource({"P1Y, 12", "P1M, 1", "P1Y6M, 18", "P7D, 604800.0", "P1D, 86400.0", "PT1H, 3600.0", "PT1.5S, 1.5"})
    void virtuosoNumbersBecomeTheDurationsSent(String sent, String given) {
        assertEquals(duration(sent), Durations.canonical(duration(given)));
    }

    @ParameterizedTest
    @CsvSource({"P1Y", "P7D", "PT1H"})
    void aDurationStaysAsItIs(String lexical) {
        Node duration = duration(lexical);
        assertSame(duration, Durations.canonical(duration));
    }

    @ParameterizedTest
    @CsvSource({"0, P0M", "0.0, PT0S", "-24, -P2Y", "90061.5, P1DT1H1M1.5S"})
    void edgeNumbersGiveValidCanonicalDurations(String given, String expected) {
        Node canonical = Durations.canonical(duration(given));
        assertEquals(duration(expected), canonical);
        assertEquals(true, XSDDatatype.XSDduration.isValid(canonical.getLiteralLexicalForm()));
    }

    @ParameterizedTest
    @CsvSource({"12", "3600.0"})
    void onlyDurationsAreTouched(String lexical) {
        Node decimal = NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDdecimal);
        assertSame(decimal, Durations.canonical(decimal));
    }
}
