package org.rolegraph.app;

import picocli.CommandLine;

/** Entry point of the {@code rolegraph} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        quietLogging(args.length > 0 && args[0].equals("serve"));
        int code = run(args);
        if (code != 0 || args.length == 0 || !args[0].equals("serve")) {
            System.exit(code);
        }
    }

    /**
     * Warnings only, unless set otherwise with -Dorg.slf4j.simpleLogger...; the server also logs its
     * start and each request, the way Fuseki does.
     */
    static void quietLogging(boolean server) {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        if (server) {
            setDefault("org.slf4j.simpleLogger.showDateTime", "true");
            setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
            setDefault("org.slf4j.simpleLogger.log.org.apache.jena.fuseki.Fuseki", "info");
            // ARQ warns once per comparison when an ORDER BY key fails to evaluate: one query from
            // outside could write tens of thousands of lines a second into the log.
            setDefault("org.slf4j.simpleLogger.log.org.apache.jena.sparql.engine.binding.BindingComparator", "error");
        }
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
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
