package org.rolegraph.query;

import java.util.List;

/** A responsibility or skill and which of the compared roles (by id) hold it. */
public record SharedItem(String kind, String iri, String label, List<String> holders) {
    public SharedItem {
        holders = List.copyOf(holders);
    }
}
