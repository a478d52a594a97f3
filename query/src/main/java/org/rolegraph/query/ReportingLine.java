package org.rolegraph.query;

import java.util.List;

/** A direct reporting link: {@code report} reports to {@code manager}, as the sources say. */
public record ReportingLine(RoleSummary manager, RoleSummary report, List<SourceRef> sources) {
    public ReportingLine {
        sources = List.copyOf(sources);
    }
}
