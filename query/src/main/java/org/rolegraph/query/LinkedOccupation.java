package org.rolegraph.query;

import java.util.List;

/**
 * An imported occupation a role is linked to, exactly ({@code skos:exactMatch}) or closely
 * ({@code skos:closeMatch}), with what it brings: its skills, responsibilities and other names, each
 * statement sourced to the taxonomy release that makes it.
 */
public record LinkedOccupation(RoleSummary occupation, boolean exact, List<Statement> statements) {
    public LinkedOccupation {
        statements = List.copyOf(statements);
    }

    /** The statements under one aspect, in graph order. */
    public List<Statement> statements(Aspect aspect) {
        return statements.stream().filter(s -> s.aspect() == aspect).toList();
    }
}
