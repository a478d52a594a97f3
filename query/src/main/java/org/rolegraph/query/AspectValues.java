package org.rolegraph.query;

import java.util.List;
import java.util.Map;

/** One aspect of a comparison: for each role id (in the compared order), what the graph says. */
public record AspectValues(Aspect aspect, Map<String, List<Statement>> byRole) {
    public AspectValues {
        byRole = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byRole));
    }
}
