package org.rolegraph.model.records;

import java.math.BigDecimal;
import java.util.List;

/**
 * A figure about a role from a survey or labour statistic that is not pay: how satisfied people in the
 * role say they are, how fast its jobs grow. {@code value} is as the source gives it; {@code outOf} is
 * the top of its scale when it has one (4 out of 5), {@code percent} says it is a percentage, and
 * {@code span} the time it covers in words ("the past ten years"). Unknown parts are null.
 */
public record SurveyFigure(Measure measure, BigDecimal value, BigDecimal outOf, boolean percent, String span,
        String provider, String year, String region, String note, List<String> sources) {
    public SurveyFigure {
        sources = List.copyOf(sources);
    }

    /** What a survey figure measures. */
    public enum Measure {
        JOB_SATISFACTION("job-satisfaction"),
        JOB_GROWTH("job-growth");

        private final String key;

        Measure(String key) {
            this.key = key;
        }

        /** The spelling used in role-data files. */
        public String key() {
            return key;
        }
    }
}
