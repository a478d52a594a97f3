package org.rolegraph.app;

import picocli.CommandLine;

/** Entry point of the {@code rolegraph} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (used by tests, which must not exit the JVM). */
    public static int run(String... args) {
        return RoleGraphCommand.commandLine().execute(args);
    }
}
