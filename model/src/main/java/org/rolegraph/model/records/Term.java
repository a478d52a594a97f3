package org.rolegraph.model.records;

import java.util.List;

/**
 * A role family, responsibility or skill: a concept with an id, a label and a definition. A family
 * may also have the areas its discipline divides into and the model that divides it; a family entry
 * without a label only adds such claims (and a definition) from its source to a family declared
 * elsewhere.
 */
public record Term(Kind kind, String id, String label, String definition, List<String> areas, String areaModel,
        List<String> sources) {
    public Term {
        areas = List.copyOf(areas);
        sources = List.copyOf(sources);
    }

    /** Which list of a role-data file the term comes from. */
    public enum Kind {
        FAMILY, RESPONSIBILITY, SKILL
    }
}
