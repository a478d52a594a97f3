package org.rolegraph.export;

/** Hears how a long export is going, for a progress display. */
@FunctionalInterface
public interface ExportListener {

    ExportListener NONE = statements -> { };

    /** Called every so many statements, and at the end, with the count written so far. */
    void written(long statements);
}
