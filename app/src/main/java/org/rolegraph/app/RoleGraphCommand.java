package org.rolegraph.app;

import java.io.PrintWriter;

import org.rolegraph.query.UnknownRoleException;

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

    /**
     * The command line with the one place where a command's failure becomes what its user reads: a
     * line "rolegraph: ..." on standard error and an exit code (docs/errors.md lists them). Commands
     * throw; this handler says it.
     */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new RoleGraphCommand());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            UserFacingException user = forUser(exception, commandLine);
            err.println("rolegraph: " + (user != null ? user.getMessage() : exception));
            err.flush();
            return user != null ? user.exitCode() : EXIT_FAILURE;
        });
        return line;
    }

    /**
     * What a failure means to the user: a name no role has is a problem of the input (exit 1); what a
     * store or endpoint throws is said by the command's {@link Backend} (naming the URL, the status or
     * the limit); anything else is unforeseen (null: printed as it is, exit 3).
     */
    private static UserFacingException forUser(Exception exception, CommandLine commandLine) {
        if (exception instanceof UserFacingException user) {
            return user;
        }
        if (exception instanceof UnknownRoleException unknown) {
            return new UserFacingException(unknown.getMessage(), EXIT_PROBLEMS);
        }
        if (exception instanceof RuntimeException runtime) {
            for (CommandLine.Model.CommandSpec mixin : commandLine.getCommandSpec().mixins().values()) {
                if (mixin.userObject() instanceof Backend backend && backend.explain(runtime) instanceof UserFacingException user) {
                    return user;
                }
            }
        }
        return null;
    }
}
