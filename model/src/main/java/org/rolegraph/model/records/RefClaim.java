package org.rolegraph.model.records;

import java.util.List;

/** A claim that points at another entry by id (a responsibility, a skill, a role, a credential). */
public record RefClaim(String ref, List<String> sources) {
    public RefClaim {
        sources = List.copyOf(sources);
    }
}
