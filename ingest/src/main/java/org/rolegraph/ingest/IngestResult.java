package org.rolegraph.ingest;

import java.time.Duration;
import java.util.List;

/**
 * What an ingest did: files and entries read, quads written, the source graphs it replaced, and how
 * long it took. {@code committed} is false for a validation, which never keeps what it wrote.
 */
public record IngestResult(int files, long entries, long quads, List<String> graphs, Duration elapsed,
        boolean committed) {

    public IngestResult {
        graphs = List.copyOf(graphs);
    }

    /** The one-line summary the CLI prints at the end. */
    public String summary() {
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        return String.format(java.util.Locale.ROOT,
                "%s %d %s: %d entries, %d quads in %d source graphs, %.2f s (%.0f quads/s)",
                committed ? "ingested" : "validated", files, files == 1 ? "file" : "files", entries, quads,
                graphs.size(), seconds, quads / seconds);
    }
}
