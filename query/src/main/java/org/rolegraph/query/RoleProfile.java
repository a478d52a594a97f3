package org.rolegraph.query;

import java.util.List;

/** Everything the graph says about one role, each statement with its sources. */
public record RoleProfile(RoleSummary role, List<Statement> statements, List<SalaryFigure> salaries,
        List<Certification> certifications, List<SourceRef> sources) {
    public RoleProfile {
        statements = List.copyOf(statements);
        salaries = List.copyOf(salaries);
        certifications = List.copyOf(certifications);
        sources = List.copyOf(sources);
    }

    /** The statements under one aspect, in graph order. */
    public List<Statement> statements(Aspect aspect) {
        return statements.stream().filter(s -> s.aspect() == aspect).toList();
    }
}
