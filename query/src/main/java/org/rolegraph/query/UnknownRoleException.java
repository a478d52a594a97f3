package org.rolegraph.query;

import java.util.List;

/** A role name that is not in the graph, with the nearest ids that are. */
public class UnknownRoleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final transient List<String> closest;

    public UnknownRoleException(String id, List<String> closest) {
        this("unknown role '" + id + "'" + (closest.isEmpty() ? "" : "; closest ids: " + String.join(", ", closest)), id, closest);
    }

    protected UnknownRoleException(String message, String id, List<String> closest) {
        super(message);
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
