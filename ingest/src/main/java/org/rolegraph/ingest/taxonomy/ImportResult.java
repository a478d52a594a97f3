package org.rolegraph.ingest.taxonomy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What an import did: the release, its graph, the files and rows read, the quads the graph holds
 * after the import (counted in the store, so the figure printed is the figure stored), the warnings
 * by kind, and how long it took.
 */
public record ImportResult(Release release, String graph, int files, long rows, long quads, List<Warning> warnings,
        Duration elapsed) {

    /** Rows of one kind that were skipped or kept in part: how many, and where the first one is. */
    public record Warning(String kind, long count, String firstFile, long firstLine) {
        /** One line: the count, the kind, and the first place. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d %s (first at %s:%d)", count, kind, firstFile, firstLine);
        }
    }

    public ImportResult {
        warnings = List.copyOf(warnings);
    }

    /** How many rows were warned about, all kinds together. */
    public long warningCount() {
        return warnings.stream().mapToLong(Warning::count).sum();
    }

    /** The one-line summary the CLI prints at the end. */
    public String summary() {
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        return String.format(Locale.ROOT, "imported %s: %d files, %,d rows, %,d quads in graph %s, %,d warnings, %.2f s (%,.0f rows/s)",
                release.title(), files, rows, quads, graph, warningCount(), seconds, rows / seconds);
    }
}
