package org.rolegraph.app;

/** A failure whose message is complete as it stands: printed as one line, with no stack trace. */
final class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    UserFacingException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
