package org.rolegraph.model.records;

import java.math.BigDecimal;
import java.util.List;

/**
 * One salary figure or range for a role as one source gives it. Figures that the source does not
 * give are null; {@code average} is the arithmetic mean, never to be read as a median.
 */
public record Salary(BigDecimal average, BigDecimal median, BigDecimal min, BigDecimal max,
        BigDecimal percentile10, BigDecimal percentile90, String currency, SalaryPeriod period,
        String provider, String year, String region, String note, List<String> sources) {
    public Salary {
        sources = List.copyOf(sources);
    }
}
