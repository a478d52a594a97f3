package org.rolegraph.query;

import java.util.List;

/**
 * One thing the graph says about a role under an aspect, with every source that says it.
 * {@code value} is the literal text or the IRI; {@code label} is what to show (the IRI's label if it
 * has one).
 */
public record Statement(Aspect aspect, String value, boolean iri, String label, List<SourceRef> sources) {
    public Statement {
        sources = List.copyOf(sources);
    }
}
