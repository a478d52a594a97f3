package org.rolegraph.query;

import java.math.BigDecimal;

/**
 * Two sources that disagree about one aspect of a role: {@code aspect} is the property (a salary
 * statistic, timeframe or decision level); values are shown as given (a figure or a concept label).
 * {@code currency} and {@code period} are set for salary figures. For a claim about pay between two
 * roles ({@code aspect} rg:earnsMoreThan), the first source says the role earns more than the role
 * named {@code than}, and the second source's figures for the two (value1 the role's, value2 the
 * other's) say it does not.
 */
public record Disagreement(String roleId, String aspect, String value1, SourceRef source1, String value2,
        SourceRef source2, String currency, String period, String than) {

    /** Whether this is a claim about pay between two roles that another source's figures contradict. */
    public boolean isPayClaim() {
        return than != null;
    }

    /** What the sources disagree about, in words: average salary, median salary, timeframe, decision level, pay. */
    public String subject() {
        if (isPayClaim()) {
            return "pay";
        }
        String name = aspect.substring(Math.max(aspect.lastIndexOf('#'), aspect.lastIndexOf('/')) + 1);
        return switch (name) {
            case "mean" -> "average salary";
            case "median" -> "median salary";
            case "decisionLevel" -> "decision level";
            default -> name;
        };
    }

    /** The first source's side, in words: "98,439 USD per year", or "earns more than Project manager". */
    public String side1() {
        return isPayClaim() ? "earns more than " + than : figure(value1) + unit();
    }

    /** The second source's side, in words: "111,174 USD per year", or "98,439 USD per year against 105,239 USD per year for Project manager". */
    public String side2() {
        return isPayClaim() ? figure(value1) + unit() + " against " + figure(value2) + unit() + " for " + than
                : figure(value2) + unit();
    }

    private String unit() {
        return currency == null ? "" : " " + currency + " " + SalaryFigure.perPeriod(period);
    }

    private static String figure(String value) {
        try {
            return SalaryFigure.number(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
