package dev.berth.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code berth} command. {@link #run} is what tests call; {@link #main} only wires the process. */
@Command(name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compiles a YAML description of socket-activated systemd-nspawn containers into systemd units.",
        subcommands = {ValidateCommand.class, CompileCommand.class, PlanCommand.class, ApplyCommand.class,
                DestroyCommand.class, ExplainCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {"  0  success (plan --detailed-exitcode: no changes)", "  1  invalid config (with --strict: also warnings) or a failed command",
                "  2  plan --detailed-exitcode: changes to make",
                "  3  internal error in berth (a bug: please report it)"})
public final class Main implements Runnable {
    /** Exit status when berth itself fails; never for bad input. */
    static final int INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        dev.berth.startup.Preload.forCommand(args); // the schema and templates load on other threads while picocli parses
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("berth: internal error: " + e);
            if (System.getenv("BERTH_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("berth: this is a bug in berth; set BERTH_DEBUG=1 for details and report it");
            }
            err.flush();
            return INTERNAL_ERROR;
        });
        // usage mistakes exit 1, keeping 2 for "changes present" (plan --detailed-exitcode)
        cli.setExitCodeExceptionMapper(e -> 1);
        cli.setParameterExceptionHandler((e, argv) -> {
            err.println("berth: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return 1;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
