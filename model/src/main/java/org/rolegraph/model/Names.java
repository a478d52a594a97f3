package org.rolegraph.model;

import java.util.Locale;

/** How a name people type is matched to a role's labels, codes and id. */
public final class Names {
    private Names() {}

    /**
     * A name folded for lookup: blanks around it dropped, runs of blanks one space, lower case. The
     * value of {@code rg:lookupKey}: a role is found by any of its names, in any case, with one exact
     * lookup that every SPARQL store answers from its indexes.
     */
    public static String fold(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
