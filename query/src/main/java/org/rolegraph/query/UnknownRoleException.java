package org.rolegraph.query;

import java.util.List;

/** A role id that is not in the graph, with the nearest ids that are. */
public final class UnknownRoleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final transient List<String> closest;

    public UnknownRoleException(String id, List<String> closest) {
        super("unknown role '" + id + "'" + (closest.isEmpty() ? "" : "; closest ids: " + String.join(", ", closest)));
        this.id = id;
        this.closest = List.copyOf(closest);
    }

    public String id() {
        return id;
    }

    public List<String> closest() {
        return closest;
    }
}
