package org.rolegraph.query;

import java.util.List;

/** A certification of a role and the body that grants it, with the sources that name it. */
public record Certification(String iri, String name, String bodyIri, String bodyName, String bodyAbbreviation,
        List<SourceRef> sources) {
    public Certification {
        sources = List.copyOf(sources);
    }
}
