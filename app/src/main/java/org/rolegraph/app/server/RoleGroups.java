package org.rolegraph.app.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.rolegraph.query.RoleGroup;

/** The groups of a release as a tree: the way up from a group and the groups one level down. */
final class RoleGroups {
    private final List<RoleGroup> groups;
    private final Map<String, RoleGroup> byIri = new HashMap<>();

    private RoleGroups(List<RoleGroup> groups) {
        this.groups = groups;
        groups.forEach(g -> byIri.put(g.iri(), g));
    }

    static RoleGroups of(List<RoleGroup> groups) {
        return new RoleGroups(List.copyOf(groups));
    }

    /** The broader groups of {@code group}, from the top down to its parent. */
    List<RoleGroup> above(RoleGroup group) {
        List<RoleGroup> trail = new ArrayList<>();
        // A hierarchy with a cycle (a malformed release) must not loop: a group is visited once.
        for (RoleGroup g = byIri.get(group.parent()); g != null && !trail.contains(g) && g != group; g = byIri.get(g.parent())) {
            trail.add(g);
        }
        Collections.reverse(trail);
        return trail;
    }

    /**
     * The groups one level below {@code group} (null: the top-level groups, those whose broader group
     * the release does not have) that hold occupations, by code.
     */
    List<RoleGroup> below(RoleGroup group) {
        String parent = group == null ? null : group.iri();
        return groups.stream()
                .filter(g -> g.roles() > 0)
                .filter(g -> Objects.equals(byIri.containsKey(g.parent()) ? g.parent() : null, parent))
                .toList();
    }
}
