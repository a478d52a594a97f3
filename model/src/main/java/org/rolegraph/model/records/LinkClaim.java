package org.rolegraph.model.records;

import java.util.List;

/**
 * A claim that a role matches an occupation of another classification, named by its IRI, with the
 * occupation's name in that classification (null when not given) so that people read a name, not an IRI.
 */
public record LinkClaim(String iri, String name, List<String> sources) {
    public LinkClaim {
        sources = List.copyOf(sources);
    }
}
