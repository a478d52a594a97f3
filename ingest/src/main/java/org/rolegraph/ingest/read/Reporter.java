package org.rolegraph.ingest.read;

/**
 * Where reading reports what it finds: problems at a position of the current file, and references
 * to ids that must be declared somewhere in the batch or the store.
 */
public interface Reporter {

    void problem(long line, long column, String message);

    /** An id of the given kind is referenced at this position and must exist. */
    void reference(EntryKind kind, String id, long line, long column);
}
