package org.rolegraph.export;

import java.time.Duration;

/** What an export wrote: statements (triples or quads), bytes, and how long it took. */
public record ExportResult(ExportFormat format, long statements, long bytes, Duration elapsed) {

    /** The one-line summary the CLI prints. */
    public String summary() {
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        return String.format(java.util.Locale.ROOT, "exported %d %s as %s, %d bytes, %.2f s (%.0f statements/s)",
                statements, format.carriesGraphs() ? "quads" : "triples", format.key(), bytes, seconds, statements / seconds);
    }
}
