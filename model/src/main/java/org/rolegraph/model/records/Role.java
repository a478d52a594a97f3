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
    /** A builder: every list starts empty and every single value null, so a caller sets only what it has. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a {@link Role}; each method sets the field of the same name. */
    public static final class Builder {
        private final String id;
        private String label;
        private List<String> altLabels = List.of();
        private String family;
        private List<String> sources = List.of();
        private Claim definition;
        private List<Claim> focus = List.of();
        private List<Claim> scope = List.of();
        private List<ValueClaim<Timeframe>> timeframe = List.of();
        private List<ValueClaim<DecisionLevel>> decisionLevels = List.of();
        private List<Claim> successMeasures = List.of();
        private List<RefClaim> responsibilities = List.of();
        private List<RefClaim> skills = List.of();
        private List<Claim> education = List.of();
        private List<RefClaim> certifications = List.of();
        private List<Claim> workEnvironment = List.of();
        private List<Salary> salaries = List.of();
        private List<SurveyFigure> surveyFigures = List.of();
        private List<RefClaim> reportsTo = List.of();
        private List<RefClaim> manages = List.of();
        private List<RefClaim> confusedWith = List.of();
        private List<RefClaim> interchangeableWith = List.of();
        private List<RefClaim> comparedWith = List.of();
        private List<RefClaim> related = List.of();
        private List<RefClaim> careerSteps = List.of();
        private List<Comparative> comparisons = List.of();
        private List<RefClaim> mentors = List.of();
        private List<Claim> teams = List.of();
        private List<ValueClaim<LineManagement>> lineManagement = List.of();
        private List<Claim> reasonsToLeave = List.of();
        private List<Claim> whenToHire = List.of();
        private List<Claim> vocabulary = List.of();
        private List<LinkClaim> exactMatch = List.of();
        private List<LinkClaim> closeMatch = List.of();
        private List<CategoryClaim> occupationalCategories = List.of();

        private Builder(String id) {
            this.id = id;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder altLabels(List<String> altLabels) {
            this.altLabels = altLabels;
            return this;
        }

        public Builder family(String family) {
            this.family = family;
            return this;
        }

        public Builder sources(List<String> sources) {
            this.sources = sources;
            return this;
        }

        public Builder definition(Claim definition) {
            this.definition = definition;
            return this;
        }

        public Builder focus(List<Claim> focus) {
            this.focus = focus;
            return this;
        }

        public Builder scope(List<Claim> scope) {
            this.scope = scope;
            return this;
        }

        public Builder timeframe(List<ValueClaim<Timeframe>> timeframe) {
            this.timeframe = timeframe;
            return this;
        }

        public Builder decisionLevels(List<ValueClaim<DecisionLevel>> decisionLevels) {
            this.decisionLevels = decisionLevels;
            return this;
        }

        public Builder successMeasures(List<Claim> successMeasures) {
            this.successMeasures = successMeasures;
            return this;
        }

        public Builder responsibilities(List<RefClaim> responsibilities) {
            this.responsibilities = responsibilities;
            return this;
        }

        public Builder skills(List<RefClaim> skills) {
            this.skills = skills;
            return this;
        }

        public Builder education(List<Claim> education) {
            this.education = education;
            return this;
        }

        public Builder certifications(List<RefClaim> certifications) {
            this.certifications = certifications;
            return this;
        }

        public Builder workEnvironment(List<Claim> workEnvironment) {
            this.workEnvironment = workEnvironment;
            return this;
        }

        public Builder salaries(List<Salary> salaries) {
            this.salaries = salaries;
            return this;
        }

        public Builder surveyFigures(List<SurveyFigure> surveyFigures) {
            this.surveyFigures = surveyFigures;
            return this;
        }

        public Builder reportsTo(List<RefClaim> reportsTo) {
            this.reportsTo = reportsTo;
            return this;
        }

        public Builder manages(List<RefClaim> manages) {
            this.manages = manages;
            return this;
        }

        public Builder confusedWith(List<RefClaim> confusedWith) {
            this.confusedWith = confusedWith;
            return this;
        }

        public Builder interchangeableWith(List<RefClaim> interchangeableWith) {
            this.interchangeableWith = interchangeableWith;
            return this;
        }

        public Builder comparedWith(List<RefClaim> comparedWith) {
            this.comparedWith = comparedWith;
            return this;
        }

        public Builder related(List<RefClaim> related) {
            this.related = related;
            return this;
        }

        public Builder careerSteps(List<RefClaim> careerSteps) {
            this.careerSteps = careerSteps;
            return this;
        }

        public Builder comparisons(List<Comparative> comparisons) {
            this.comparisons = comparisons;
            return this;
        }

        public Builder mentors(List<RefClaim> mentors) {
            this.mentors = mentors;
            return this;
        }

        public Builder teams(List<Claim> teams) {
            this.teams = teams;
            return this;
        }

        public Builder lineManagement(List<ValueClaim<LineManagement>> lineManagement) {
            this.lineManagement = lineManagement;
            return this;
        }

        public Builder reasonsToLeave(List<Claim> reasonsToLeave) {
            this.reasonsToLeave = reasonsToLeave;
            return this;
        }

        public Builder whenToHire(List<Claim> whenToHire) {
            this.whenToHire = whenToHire;
            return this;
        }

        public Builder vocabulary(List<Claim> vocabulary) {
            this.vocabulary = vocabulary;
            return this;
        }

        public Builder exactMatch(List<LinkClaim> exactMatch) {
            this.exactMatch = exactMatch;
            return this;
        }

        public Builder closeMatch(List<LinkClaim> closeMatch) {
            this.closeMatch = closeMatch;
            return this;
        }

        public Builder occupationalCategories(List<CategoryClaim> occupationalCategories) {
            this.occupationalCategories = occupationalCategories;
            return this;
        }

        public Role build() {
            return new Role(id, label, altLabels, family, sources, definition, focus, scope, timeframe, decisionLevels,
                    successMeasures, responsibilities, skills, education, certifications, workEnvironment, salaries,
                    surveyFigures, reportsTo, manages, confusedWith, interchangeableWith, comparedWith, related, careerSteps,
                    comparisons, mentors, teams, lineManagement, reasonsToLeave, whenToHire, vocabulary, exactMatch,
                    closeMatch, occupationalCategories);
        }
    }
}
