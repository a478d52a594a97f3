package org.rolegraph.query;

import java.util.List;

/**
 * A name several roles answer to equally well (the same kind of label in two taxonomies, say): the
 * candidates are listed, each with its id and where it comes from, and none is guessed.
 */
public final class AmbiguousRoleException extends UnknownRoleException {
    private static final long serialVersionUID = 1L;

    /** One role a name may mean: its summary, the taxonomy or data set it is from, how the name matched. */
    public record Candidate(RoleSummary role, String from, String matchedAs) {}

    private final transient List<Candidate> candidates;

    public AmbiguousRoleException(String name, List<Candidate> candidates) {
        super(message(name, candidates), name, candidates.stream().map(c -> c.role().id()).toList());
        this.candidates = List.copyOf(candidates);
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    private static String message(String name, List<Candidate> candidates) {
        StringBuilder text = new StringBuilder("'" + name + "' is the " + candidates.get(0).matchedAs() + " of "
                + candidates.size() + " roles; name one by its id:");
        for (Candidate c : candidates) {
            text.append("\n  ").append(c.role().id()).append("  ").append(c.role().label()).append(" (").append(c.from()).append(')');
        }
        return text.toString();
    }
}
