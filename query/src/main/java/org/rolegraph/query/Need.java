package org.rolegraph.query;

import java.util.List;

import org.rolegraph.model.records.DecisionLevel;
import org.rolegraph.model.records.Timeframe;

/**
 * What a hiring organisation needs, by aspect value: a timeframe, a decision level and keywords that
 * must each appear in the role's focus, scope, definition, success measures or when-to-hire text.
 * Null or empty parts do not filter.
 */
public record Need(Timeframe timeframe, DecisionLevel decisionLevel, List<String> keywords) {
    public Need {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
