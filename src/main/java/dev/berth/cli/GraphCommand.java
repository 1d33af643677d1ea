package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.diag.Diagnostics;
import dev.berth.graph.DotGraph;
import dev.berth.load.Source;
import dev.berth.model.Config;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth graph FILE [-o OUT]}: the containers, their ports and services as a Graphviz graph. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        header = "Draw the containers, their ports and services as a Graphviz graph.",
        description = {"Draw a config: each container as a box holding its guest's units, the host's ports with "
                + "their addresses, and edges from each port through the host socket to the guest socket and "
                + "the service that serves it. Services started per connection have a dashed double border, "
                + "natively activated ones a bold border, others a dotted one.",
                "Prints Graphviz DOT. With -o FILE.svg, .png or .pdf, berth runs Graphviz's dot (from PATH) to "
                        + "draw it; without dot installed it prints the DOT instead and says so."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:printed or written",
                "1:invalid config, an unknown output type, dot missing or failing, or a write failure",
                "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth graph berth.yaml -o berth.svg", "  berth graph berth.yaml | dot -Tpng > berth.png"})
final class GraphCommand implements Callable<Integer> {
    /** What dot may take to draw even a large config. */
    private static final long DOT_TIMEOUT_SECONDS = 120;
    private static final List<String> RENDERED = List.of("svg", "png", "pdf");
    private static final List<String> DOT = List.of("dot", "gv");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The berth.yaml to draw.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write the graph into OUT: .dot or .gv for DOT, .svg, .png or .pdf drawn by Graphviz's dot.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> type = output == null ? Optional.of("dot") : extension(output);
        if (type.isEmpty() || !DOT.contains(type.get()) && !RENDERED.contains(type.get())) {
            err.println("berth: cannot tell what to write into " + output + ": name it .dot, .gv, .svg, .png or .pdf");
            err.flush();
            return 1;
        }
        Optional<Path> missing = output == null ? Optional.empty() : Words.missingDirectory(output);
        if (missing.isPresent()) {
            err.println("berth: cannot write " + output + ": " + Words.doesNotExist(missing.get()));
            err.flush();
            return 1;
        }
        Optional<Config> config = config();
        if (config.isEmpty()) {
            return 1;
        }
        String dot = DotGraph.render(config.get());
        if (output == null) {
            out.print(dot);
            out.flush();
            return 0;
        }
        try {
            if (DOT.contains(type.get())) {
                Files.writeString(output, dot);
                return 0;
            }
            Optional<Path> program = dotProgram();
            if (program.isEmpty()) {
                out.print(dot);
                out.flush();
                err.println("berth: Graphviz's dot is not on PATH, so " + output + " was not drawn; the DOT is printed above "
                        + "(install graphviz, or: berth graph " + file + " | dot -T" + type.get() + " > " + output + ")");
                err.flush();
                return 1;
            }
            return draw(program.get(), type.get(), dot, err);
        } catch (IOException e) {
            err.println("berth: cannot write " + output + ": " + Words.reason(e));
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("berth: interrupted while dot was drawing " + output);
            err.flush();
            return 1;
        }
    }

    private Optional<Config> config() {
        Reporter reporter = new Reporter(OutputOptions.text(spec), spec.commandLine().getOut(), spec.commandLine().getErr());
        Diagnostics diagnostics = new Diagnostics();
        Optional<Source> source = ConfigFile.read(file, diagnostics);
        if (source.isEmpty()) {
            reporter.report(diagnostics, source);
            return Optional.empty();
        }
        Result<Config> result = Berth.validate(source.get());
        reporter.report(result.diagnostics(), source);
        return result.value();
    }

    private int draw(Path program, String type, String dot, PrintWriter err) throws IOException, InterruptedException {
        Path log = Files.createTempFile("berth-dot", ".log");
        try {
            Process process = new ProcessBuilder(program.toString(), "-T" + type, "-o", output.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(dot.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // dot stopped reading (it failed early): its exit status and messages below say why
            }
            if (!process.waitFor(DOT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                err.println("berth: " + program + " did not finish drawing " + output + " within " + DOT_TIMEOUT_SECONDS + " s");
                err.flush();
                return 1;
            }
            if (process.exitValue() != 0) {
                err.println("berth: " + program + " failed (exit " + process.exitValue() + ") drawing " + output + ":");
                Files.readAllLines(log).forEach(l -> err.println("  " + l));
                err.flush();
                return 1;
            }
            return 0;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Graphviz's dot as the PATH of berth's environment finds it. */
    private Optional<Path> dotProgram() {
        String path = Main.environment(spec).get("PATH").orElse("");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "dot");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? Optional.empty() : Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
