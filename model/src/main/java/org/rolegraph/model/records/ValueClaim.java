package org.rolegraph.model.records;

import java.util.List;

/** A claim that picks a value of a fixed set, such as a timeframe or a decision level. */
public record ValueClaim<T extends Enum<T>>(T value, List<String> sources) {
    public ValueClaim {
        sources = List.copyOf(sources);
    }
}
