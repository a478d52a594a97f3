package org.rolegraph.ingest;

/**
 * A store directory that cannot be used as asked, said in one line that names the directory and,
 * where there is one, the way on. The {@link Reason} lets a caller choose its exit code or its advice.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** There is no store at the path. */
        NO_STORE,
        /** The path is a file, or a directory with other things in it. */
        NOT_A_STORE,
        /** A store whose creation never finished: nothing was ever committed to it. */
        UNFINISHED,
        /** Another live process holds the store. */
        IN_USE,
        /** A store with committed data that TDB2 cannot open. */
        CANNOT_OPEN
    }

    private final Reason reason;

    StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
