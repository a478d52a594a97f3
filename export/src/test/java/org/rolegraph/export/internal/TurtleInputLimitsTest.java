package org.rolegraph.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TurtleInputLimitsTest {

    /** Strings, IRIs and comments full of brackets, quotes and separators that must not be miscounted. */
    private static final String TRICKY = """
            @prefix ex: <http://example.org/ns#> .
            # a comment with ((( [[[ " ''' and <
            ex:a ex:p "short with \\" quote and ((( [[[ # not a comment" ;
                 ex:q '''long ' '' single "quoted" (((
            over lines''' ;
                 ex:r \"""long with "" inner quotes and \\\""" escaped ))) ]]]\""" ;
                 ex:s ""  , '' , "x"@en , "1"^^<http://www.w3.org/2001/XMLSchema#integer> , 1.5e3 ;
                 ex:t <http://example.org/with#fragment(and)brackets> ;
                 ex:u ( ( ( "nested" ) ) [ ex:v [ ex:w ( 1 2 3 ) ] ] ) .
            """;

    @Test
    void validTurtleParsesToTheSameGraphThroughTheLimits() throws IOException {
        assertEquals(true, IsoMatcher.isomorphic(parse(TRICKY, false), parse(TRICKY, true)));
        assertTrue(parse(TRICKY, true).getDefaultGraph().size() > 10);
    }

    @Test
    void nestingUpToTheLimitIsFine() throws IOException {
        parse(nested(TurtleInputLimits.MAX_NESTING), true);
    }

    @Test
    void deepNestingOverflowsJenaAloneButIsRefusedWithALocationHere() {
        String deep = nested(100_000);
        assertThrows(StackOverflowError.class, () -> parse(deep, false));
        RiotParseException refused = assertThrows(RiotParseException.class, () -> parse(deep, true));
        assertEquals(1, refused.getLine());
        assertEquals("<http://x/s> <http://x/p> ".length() + TurtleInputLimits.MAX_NESTING + 1, refused.getCol());
        assertTrue(refused.getMessage().contains("nested more than 256 deep"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "'", "\"\"\"", "'''", "<http://example.org/"})
    void anUnterminatedTermIsRefusedAtTheLimitWithItsLine(String opening) {
        // Two lines of header, then on line 3 a term that never ends (with line breaks in the long strings).
        String start = "@prefix ex: <http://example.org/> .\n\nex:a ex:b " + opening;
        String filler = (opening.length() == 3 ? "lorem ipsum\n" : "lorem ipsum ").repeat(1_000);
        InputStream endless = new ByteArrayInputStream((start + filler).getBytes(StandardCharsets.UTF_8));
        RiotParseException refused = assertThrows(RiotParseException.class,
                () -> RDFParser.source(new TurtleInputLimits(endless, 4096, 256)).lang(Lang.TURTLE).parse(StreamRDFLib.sinkNull()));
        assertTrue(refused.getMessage().contains("longer than 4096 bytes"), refused.getMessage());
        assertEquals(opening.length() == 3 ? 3 + 4096 / 12 : 3, refused.getLine());
    }

    private static String nested(int depth) {
        return "<http://x/s> <http://x/p> " + "(".repeat(depth) + ")".repeat(depth) + " .\n";
    }

    private static DatasetGraph parse(String turtle, boolean limited) throws IOException {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        InputStream in = new ByteArrayInputStream(turtle.getBytes(StandardCharsets.UTF_8));
        RDFParser.source(limited ? new TurtleInputLimits(in) : in).lang(Lang.TURTLE).parse(StreamRDFLib.dataset(dataset));
        return dataset;
    }
}
