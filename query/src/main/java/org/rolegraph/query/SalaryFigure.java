package org.rolegraph.query;

import java.math.BigDecimal;

/**
 * One salary estimate of a role as one source states it. Figures the source does not give are null;
 * {@code mean} is an average, not a median. {@code period} is an xsd:duration such as P1Y.
 */
public record SalaryFigure(String iri, String currency, String period, BigDecimal mean, BigDecimal median,
        BigDecimal min, BigDecimal max, BigDecimal percentile10, BigDecimal percentile90, String provider,
        String year, String region, String note, SourceRef source) {}
