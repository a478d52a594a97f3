package org.rolegraph.model.records;

import java.math.BigDecimal;
import java.util.List;

/**
 * One salary figure or range for a role as one source gives it. Figures that the source does not
 * give are null; {@code average} is the arithmetic mean, never to be read as a median.
 * {@code measures} is the occupation whose pay the figure measures, when the source names one (null
 * otherwise); {@code proxy} says that occupation is not the role itself but stands in for it (BLS has
 * no product managers and measures marketing managers instead).
 */
public record Salary(BigDecimal average, BigDecimal median, BigDecimal min, BigDecimal max,
        BigDecimal percentile10, BigDecimal percentile90, String currency, SalaryPeriod period,
        String provider, String year, String region, Occupation measures, boolean proxy, String note,
        List<String> sources) {
    public Salary {
        sources = List.copyOf(sources);
    }

    /** An occupation of a standard classification, by code, with its name there. */
    public record Occupation(String code, CategoryClaim.CodeSet scheme, String name) {}
}
