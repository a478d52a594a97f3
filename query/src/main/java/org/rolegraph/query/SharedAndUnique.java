package org.rolegraph.query;

import java.util.List;
import java.util.Map;

/**
 * The responsibilities and skills of two or more roles: held by all ({@code shared}), by exactly one
 * ({@code unique}, by role id) or by some but not all ({@code partlyShared}, with three or more roles).
 */
public record SharedAndUnique(List<SharedItem> shared, Map<String, List<SharedItem>> unique,
        List<SharedItem> partlyShared) {
    public SharedAndUnique {
        shared = List.copyOf(shared);
        unique = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unique));
        partlyShared = List.copyOf(partlyShared);
    }
}
