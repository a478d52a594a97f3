package org.rolegraph.model.records;

import java.util.List;

/** A role family, responsibility or skill: a concept with an id, a label and a definition. */
public record Term(Kind kind, String id, String label, String definition, List<String> sources) {
    public Term {
        sources = List.copyOf(sources);
    }

    /** Which list of a role-data file the term comes from. */
    public enum Kind {
        FAMILY, RESPONSIBILITY, SKILL
    }
}
