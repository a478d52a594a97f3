package org.rolegraph.app;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code rolegraph} command; each job is a subcommand. */
@Command(name = "rolegraph",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A linked-data knowledge graph of job roles: product, project, delivery and program "
                + "managers and the roles around them. Without --store, commands work on the embedded, "
                + "curated data set.",
        subcommands = {RolesCommand.class, DescribeCommand.class, CompareCommand.class, SimilarCommand.class,
            ChainCommand.class, QueryCommand.class, ExportCommand.class, ServeCommand.class, ValidateCommand.class,
            IngestCommand.class, ImportCommand.class, AlignCommand.class, NewCommand.class,
            CommandLine.HelpCommand.class})
final class RoleGraphCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit codes: 0 done, 1 the input or request had problems, 2 the command line was wrong, 3 failure. */
    static final int EXIT_PROBLEMS = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 3;

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new RoleGraphCommand());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (exception instanceof UserFacingException user) {
                err.println("rolegraph: " + user.getMessage());
                err.flush();
                return user.exitCode();
            }
            err.println("rolegraph: " + exception);
            err.flush();
            return EXIT_FAILURE;
        });
        return line;
    }
}
