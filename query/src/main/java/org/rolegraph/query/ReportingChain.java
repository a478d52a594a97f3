package org.rolegraph.query;

import java.util.List;

/**
 * The reporting line around one role: every role above it (nearest first), everyone below it
 * (nearest first), and the direct links among them with their sources.
 */
public record ReportingChain(RoleSummary role, List<RoleSummary> above, List<RoleSummary> below,
        List<ReportingLine> lines) {
    public ReportingChain {
        above = List.copyOf(above);
        below = List.copyOf(below);
        lines = List.copyOf(lines);
    }
}
