package org.rolegraph.query;

import java.util.List;

/**
 * Everything the graph says about one role, each statement with its sources, and what the
 * occupations it is linked to (ESCO, O*NET) bring, credited to their taxonomy.
 */
public record RoleProfile(RoleSummary role, List<Statement> statements, List<SalaryFigure> salaries,
        List<SurveyFigure> surveys, List<Certification> certifications, List<LinkedOccupation> linked, List<SourceRef> sources) {
    public RoleProfile {
        statements = List.copyOf(statements);
        salaries = List.copyOf(salaries);
        surveys = List.copyOf(surveys);
        certifications = List.copyOf(certifications);
        linked = List.copyOf(linked);
        sources = List.copyOf(sources);
    }

    /** The statements under one aspect, in graph order. */
    public List<Statement> statements(Aspect aspect) {
        return statements.stream().filter(s -> s.aspect() == aspect).toList();
    }
}
