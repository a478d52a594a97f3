package org.rolegraph.query;

import java.util.List;

/** A role that fits a {@link Need}, with a text per keyword that shows why. */
public record RoleMatch(RoleSummary role, List<String> evidence) {
    public RoleMatch {
        evidence = List.copyOf(evidence);
    }
}
