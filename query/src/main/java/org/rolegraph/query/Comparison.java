package org.rolegraph.query;

import java.util.List;
import java.util.Map;

/**
 * Two or more roles side by side: every aspect the graph holds, their salaries and survey figures (by
 * role id, each with its source), shared and unique duties and skills, where sources disagree, the
 * occupations each role is linked to with what they bring (by role id), and the sources cited, in
 * first-cited order.
 */
public record Comparison(List<RoleSummary> roles, List<AspectValues> aspects, Map<String, List<SalaryFigure>> salaries,
        Map<String, List<SurveyFigure>> surveys, SharedAndUnique sharedAndUnique, List<Disagreement> disagreements, Map<String, List<LinkedOccupation>> linked,
        List<SourceRef> sources) {
    public Comparison {
        roles = List.copyOf(roles);
        aspects = List.copyOf(aspects);
        salaries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(salaries));
        surveys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(surveys));
        linked = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(linked));
        disagreements = List.copyOf(disagreements);
        sources = List.copyOf(sources);
    }
}
