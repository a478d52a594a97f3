package org.rolegraph.app;

import picocli.CommandLine;

/** Entry point of the {@code rolegraph} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return RoleGraphCommand.commandLine().execute(args);
    }

    /** Runs the command line with its output going to the given writers (for tests and embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine line = RoleGraphCommand.commandLine();
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }
}
