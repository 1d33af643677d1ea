package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.diag.Diagnostics;
import dev.berth.load.Source;
import dev.berth.model.Config;
import dev.berth.status.HostStatus;
import dev.berth.status.StatusJsonView;
import dev.berth.status.StatusTextView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code berth status [FILE] [--root DIR]}: per container of the config, its sockets, whether the container runs,
 * its connections and memory, idle-stop and whether its files are as the last apply left them; the root's generations.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Show the state of the config's sockets and containers on a root.",
        description = {"Show, per container of the config and in its order: the host sockets and where they listen, "
                + "whether each listens, whether the container runs and since when, connections accepted so far and open "
                + "now, its memory, the idle-stop setting, and whether its installed files are as the last apply left "
                + "them (told from the manifest by the files' metadata, without reading them). Then the root's "
                + "generations: the current one, those kept and where berth rollback returns to.",
                "On the live host (--root /) systemd is asked at most three times, however many containers there are. "
                        + "An offline root has files only: "
                        + "nothing runs there, and the status says so."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every socket berth owns listens (offline: always, when the config is valid)",
                "1:a socket is not listening, an invalid config or an unreadable root",
                "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth status berth.yaml", "  berth status berth.yaml --format json",
                "  berth status berth.yaml --quiet || echo 'a socket is down'"})
final class StatusCommand implements Callable<Integer> {
    /** text for people; json, the same as data (docs/status-json.md). */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "berth.yaml",
            description = "The berth.yaml whose containers to show (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). text: a line per container "
                    + "on stdout; json: one document on stdout. Problems with the config on stderr.")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors: the exit status says whether every "
            + "socket listens.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputOptions text = OutputOptions.text(spec);
        text.quiet = quiet;
        Reporter reporter = new Reporter(text, out, err);
        Diagnostics diagnostics = new Diagnostics();
        Optional<Source> source = ConfigFile.read(file, diagnostics);
        if (source.isEmpty()) {
            reporter.report(diagnostics, source);
            return 1;
        }
        Result<Config> config = Berth.validate(source.get());
        reporter.report(config.diagnostics(), source);
        if (!config.ok()) {
            return 1;
        }
        Hosts.Host host;
        try {
            host = Hosts.factory.open(target.root);
        } catch (IOException e) {
            err.println("berth: cannot use " + target.root + " as the root: " + e.getMessage());
            err.flush();
            return 1;
        }
        HostStatus status = Berth.status(source.get(), config.value().get(), host.target());
        if (format == Format.json) {
            out.print(new StatusJsonView().render(status, file.toString()));
        } else if (!quiet) {
            out.print(new StatusTextView().render(status, file.toString()));
        }
        out.flush();
        return status.allListening() ? 0 : 1;
    }
}
