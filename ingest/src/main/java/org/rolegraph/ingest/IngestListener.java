package org.rolegraph.ingest;

/** Hears how an ingest is going, for a progress display. Calls come from the ingesting thread. */
public interface IngestListener {

    /** A listener that ignores everything. */
    IngestListener NONE = new IngestListener() {};

    /** Reading of file {@code index} (from 1) of {@code total} starts; {@code size} is in bytes, or -1. */
    default void fileStarted(String file, int index, int total, long size) {}

    /** Progress within the current file: bytes read, entries and quads so far in the whole ingest. */
    default void progress(long bytesRead, long entries, long quads) {}

    /** The shapes check of the result starts. */
    default void validating() {}
}
