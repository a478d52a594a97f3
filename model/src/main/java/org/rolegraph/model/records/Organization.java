package org.rolegraph.model.records;

import java.util.List;

/** A publisher, certifying body or salary data provider. */
public record Organization(String id, String name, String abbreviation, String url, List<String> sources) {
    public Organization {
        sources = List.copyOf(sources);
    }
}
