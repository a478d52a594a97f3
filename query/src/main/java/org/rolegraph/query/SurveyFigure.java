package org.rolegraph.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * One survey figure about a role as one source states it: what it measures ("job satisfaction"), its
 * value, the top of its scale or that it is a percentage, the time it covers in words, and the
 * provider, year and region where the source names them. Unknown parts are null.
 */
public record SurveyFigure(String iri, String measure, BigDecimal value, BigDecimal outOf, boolean percent, String span,
        String provider, String year, String region, String note, SourceRef source) {

    /** The figure in words, as the CLI and the pages show it: "job satisfaction 4 out of 5 (data from PayScale)". */
    public String summary() {
        StringBuilder text = new StringBuilder(measure).append(' ').append(SalaryFigure.number(value));
        if (percent) {
            text.append('%');
        }
        if (outOf != null) {
            text.append(" out of ").append(SalaryFigure.number(outOf));
        }
        if (span != null) {
            text.append(" over ").append(span);
        }
        List<String> details = SalaryFigure.details(region, year, provider);
        if (!details.isEmpty()) {
            text.append(" (").append(String.join(", ", details)).append(')');
        }
        return text.toString();
    }
}
