package org.rolegraph.model.records;

import java.util.List;

/**
 * A role and what one file says about it. {@code label} is null when the entry only adds claims to a
 * role declared elsewhere; {@code sources} cite the role's label, family and alternative labels.
 */
public record Role(
        String id,
        String label,
        List<String> altLabels,
        String family,
        List<String> sources,
        Claim definition,
        List<Claim> focus,
        List<Claim> scope,
        List<ValueClaim<Timeframe>> timeframe,
        List<ValueClaim<DecisionLevel>> decisionLevels,
        List<Claim> successMeasures,
        List<RefClaim> responsibilities,
        List<RefClaim> skills,
        List<Claim> education,
        List<RefClaim> certifications,
        List<Claim> workEnvironment,
        List<Salary> salaries,
        List<SurveyFigure> surveyFigures,
        List<RefClaim> reportsTo,
        List<RefClaim> manages,
        List<RefClaim> confusedWith,
        List<RefClaim> interchangeableWith,
        List<RefClaim> comparedWith,
        List<RefClaim> related,
        List<RefClaim> careerSteps,
        List<Comparative> comparisons,
        List<RefClaim> mentors,
        List<Claim> teams,
        List<ValueClaim<LineManagement>> lineManagement,
        List<Claim> reasonsToLeave,
        List<Claim> whenToHire,
        List<Claim> vocabulary,
        List<LinkClaim> exactMatch,
        List<LinkClaim> closeMatch,
        List<CategoryClaim> occupationalCategories) {
}
