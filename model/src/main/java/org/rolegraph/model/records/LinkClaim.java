package org.rolegraph.model.records;

import java.util.List;

/** A claim that a role matches an occupation of another classification, named by its IRI. */
public record LinkClaim(String iri, List<String> sources) {
    public LinkClaim {
        sources = List.copyOf(sources);
    }
}
