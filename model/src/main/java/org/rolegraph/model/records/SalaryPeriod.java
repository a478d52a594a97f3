package org.rolegraph.model.records;

/**
 * The period a salary figure is paid for, and its xsd:duration; {@link #UNSTATED} when the source gives
 * a figure without saying per what (the graph then says so, rather than guessing a year).
 */
public enum SalaryPeriod {
    YEAR("year", "P1Y"),
    MONTH("month", "P1M"),
    WEEK("week", "P7D"),  // xsd:duration has no weeks (P1W is ISO 8601, not XSD)
    DAY("day", "P1D"),
    HOUR("hour", "PT1H"),
    UNSTATED("unstated", null);

    private final String key;
    private final String duration;

    SalaryPeriod(String key, String duration) {
        this.key = key;
        this.duration = duration;
    }

    /** The spelling used in role-data files. */
    public String key() {
        return key;
    }

    /** The period as an ISO 8601 duration, the lexical form of its xsd:duration; null when unstated. */
    public String duration() {
        return duration;
    }
}
