package org.rolegraph.query;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One salary estimate of a role as one source states it. Figures the source does not give are null;
 * {@code mean} is an average, not a median. {@code period} is an xsd:duration such as P1Y, or null
 * when the source does not say. {@code measured} names the occupation the figures are for, when the
 * source names one; {@code proxy} says it stands in for the role (another occupation's pay).
 */
public record SalaryFigure(String iri, String currency, String period, BigDecimal mean, BigDecimal median,
        BigDecimal min, BigDecimal max, BigDecimal percentile10, BigDecimal percentile90, String provider,
        String year, String region, String measured, boolean proxy, String note, SourceRef source) {

    /**
     * The estimate in words, as the CLI and the pages show it: "average 66,214 USD per year (US, 2024)";
     * "range 56,000 USD to 161,000 USD, period not stated"; "median 161,030 USD per year (US, 2024, data from
     * BLS; wages of Marketing Managers, used as a proxy)".
     */
    public String summary() {
        List<String> figures = new ArrayList<>();
        if (mean != null) {
            figures.add("average " + money(mean));
        }
        if (median != null) {
            figures.add("median " + money(median));
        }
        if (min != null) {
            figures.add("range " + money(min) + " to " + money(max));
        }
        if (percentile10 != null) {
            figures.add("10th percentile " + money(percentile10));
        }
        if (percentile90 != null) {
            figures.add("90th percentile " + money(percentile90));
        }
        StringBuilder text = new StringBuilder(String.join(", ", figures))
                .append(period == null ? ", period not stated" : " " + perPeriod(period));
        List<String> details = details(region, year, provider);
        String occupation = measured == null ? null : proxy ? "wages of " + measured + ", used as a proxy" : "for " + measured;
        if (!details.isEmpty() || occupation != null) {
            text.append(" (").append(String.join(", ", details)).append(details.isEmpty() || occupation == null ? "" : "; ")
                    .append(occupation == null ? "" : occupation).append(')');
        }
        return text.toString();
    }

    /** Where a figure applies, when and who collected it, as its summary shows them: US, 2024, data from BLS. */
    static List<String> details(String region, String year, String provider) {
        List<String> details = new ArrayList<>();
        if (region != null) {
            details.add(region);
        }
        if (year != null) {
            details.add(year);
        }
        if (provider != null) {
            details.add("data from " + provider);
        }
        return details;
    }

    private String money(BigDecimal amount) {
        return number(amount) + " " + currency;
    }

    /** A figure with thousands separators, as the articles write them. */
    public static String number(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    /** "per year" for P1Y, and so on for the periods the role-data format knows; null: not stated. */
    public static String perPeriod(String duration) {
        if (duration == null) {
            return "period not stated";
        }
        return switch (duration) {
            case "P1Y" -> "per year";
            case "P1M" -> "per month";
            case "P7D" -> "per week";
            case "P1D" -> "per day";
            case "PT1H" -> "per hour";
            default -> "per " + duration;
        };
    }
}
