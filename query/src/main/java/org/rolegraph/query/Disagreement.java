package org.rolegraph.query;

/**
 * Two sources that disagree about one aspect of a role: {@code aspect} is the property (a salary
 * statistic, timeframe or decision level); values are shown as given (a figure or a concept label).
 * {@code currency} and {@code period} are set for salary figures.
 */
public record Disagreement(String roleId, String aspect, String value1, SourceRef source1, String value2,
        SourceRef source2, String currency, String period) {}
