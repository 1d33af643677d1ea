package dev.berth.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import dev.berth.schema.DidYouMean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code berth} command. {@link #run} is what tests call; {@link #main} only wires the process. */
@Command(name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compiles a YAML description of socket-activated systemd-nspawn containers into systemd units.",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success (plan --detailed-exitcode: no changes)",
                "1:invalid config (with --strict: also warnings), a usage mistake or a failed command "
                        + "(compile --check: DIR is stale)",
                "2:plan --detailed-exitcode: changes to make",
                "3:internal error in berth (a bug: please report it)"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth init && berth validate berth.yaml",
                "  berth compile berth.yaml -o out/",
                "  berth plan berth.yaml && sudo berth apply berth.yaml",
                "  berth help compile",
                "%nDocumentation: docs/ in berth's repository, and 'man berth-VERB' where the man pages are installed."})
public final class Main implements Runnable {
    /** Exit status when berth itself fails; never for bad input. */
    static final int INTERNAL_ERROR = 3;

    private final Environment environment;

    @CommandLine.Spec
    CommandSpec spec;

    Main(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        Preload.forCommand(args); // the schema and templates load on other threads while picocli parses
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(Environment.detect(), out, err, args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Environment.captured(), out, err, args);
    }

    static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 0 && !args[0].startsWith("-") && !VERBS.containsKey(args[0])) {
            // before any help: "berth valdate --help" must not answer with the overview and exit 0
            err.println("berth: unknown command '" + args[0] + "'" + DidYouMean.closest(args[0], VERBS.keySet())
                    .map(v -> "; did you mean '" + v + "'?").orElse(""));
            err.println("Try 'berth --help' for the list of commands.");
            err.flush();
            return 1;
        }
        Optional<String> help = HelpTexts.stored(args, environment.color(environment.stdoutTerminal()));
        if (help.isEmpty()) {
            help = VersionProvider.printed(args);
        }
        if (help.isPresent()) {
            out.print(help.get());
            out.flush();
            return 0;
        }
        return execute(environment, out, err, args);
    }

    /** Runs the command through picocli's model: what {@link #run} does unless the build stored the answer. */
    static int execute(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(environment, args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("berth: internal error: " + e);
            if (environment.get("BERTH_DEBUG").isPresent()) {
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

    /**
     * The verbs, in the order help lists them, by the name each one's {@code @Command} gives (a test checks that).
     * Named here so that a run of one verb builds only that verb's part of the model.
     */
    static final Map<String, Class<?>> VERBS = verbs();

    private static Map<String, Class<?>> verbs() {
        Map<String, Class<?>> verbs = new LinkedHashMap<>();
        verbs.put("validate", ValidateCommand.class);
        verbs.put("compile", CompileCommand.class);
        verbs.put("plan", PlanCommand.class);
        verbs.put("apply", ApplyCommand.class);
        verbs.put("show", ShowCommand.class);
        verbs.put("destroy", DestroyCommand.class);
        verbs.put("generations", GenerationsCommand.class);
        verbs.put("rollback", RollbackCommand.class);
        verbs.put("status", StatusCommand.class);
        verbs.put("graph", GraphCommand.class);
        verbs.put("init", InitCommand.class);
        verbs.put("schema", SchemaCommand.class);
        verbs.put("explain", ExplainCommand.class);
        verbs.put("completion", CompletionCommand.class);
        verbs.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(verbs);
    }

    /** The whole command tree: what runs, and what completion scripts and man pages are generated from. */
    static CommandLine commandLine(Environment environment) {
        return commandLine(environment, VERBS.keySet());
    }

    /**
     * The tree for these arguments. A run whose first argument names a verb needs only that verb: picocli reads
     * the annotations of every command it is given, and the others' would cost start-up time for nothing.
     * Anything else (help, a mistake, no verb at all) gets the whole tree, so it can list and suggest verbs.
     */
    static CommandLine commandLine(Environment environment, String... args) {
        boolean oneVerb = args.length > 0 && VERBS.containsKey(args[0]) && !args[0].equals("help");
        return commandLine(environment, oneVerb ? Set.of(args[0]) : VERBS.keySet());
    }

    private static CommandLine commandLine(Environment environment, Set<String> verbs) {
        CommandLine cli = new CommandLine(new Main(environment));
        for (Map.Entry<String, Class<?>> verb : VERBS.entrySet()) {
            if (verbs.contains(verb.getKey())) {
                cli.addSubcommand(verb.getKey(), verb.getValue());
            }
        }
        // a verb's header is its line in the command list and its man page's NAME; its help starts at the synopsis
        for (CommandLine verb : cli.getSubcommands().values()) {
            // --version on a verb prints berth's version, not picocli's empty default
            verb.getCommandSpec().versionProvider(new VersionProvider());
            List<String> sections = new ArrayList<>(verb.getHelpSectionKeys());
            sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
            sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
            verb.setHelpSectionKeys(sections);
            CommandLine.Model.OptionSpec format = verb.getCommandSpec().findOption("--format");
            if (format != null && OutputOptions.VERBS.contains(verb.getCommandName())) {
                verb.getCommandSpec().remove(format);
                verb.getCommandSpec().addOption(format.toBuilder().description(OutputOptions.formatHelp(verb.getCommandName())).build());
            }
        }
        CommandLine helpVerb = cli.getSubcommands().get("help");
        if (helpVerb != null) {
            helpVerb.getCommandSpec().usageMessage().footerHeading("%nExamples:%n").footer("  berth help", "  berth help compile")
                .exitCodeListHeading("%nExit status:%n").exitCodeList(new TreeMap<>(Map.of("0", "help printed", "1", "unknown command")));
        }
        // help is coloured by the rule berth's other output follows (a terminal, TERM, NO_COLOR), not picocli's own
        boolean color = environment.color(environment.stdoutTerminal());
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(color ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        return cli;
    }

    /** The environment of the run a command belongs to. */
    static Environment environment(CommandSpec spec) {
        return ((Main) spec.root().userObject()).environment;
    }
}
