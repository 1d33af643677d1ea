package dev.berth.cli;

import dev.berth.diag.Catalogue;
import dev.berth.diag.Code;
import dev.berth.schema.DidYouMean;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth explain CODE}: the catalogue entry of a diagnostic code, with a bad and a good example. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        header = "Explain a diagnostic code, or list them all.",
        description = "Explain a diagnostic code (the S002 in error[S002]) with a bad and a good example.",
        footerHeading = "%nExamples:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:explained (or listed)", "1:unknown code", "3:internal error in berth"},
        footer = {"  berth explain S002", "  berth explain --list", "  berth explain --list --format json"})
final class ExplainCommand implements Callable<Integer> {
    /** text for people; json, the same entries as data. */
    enum Format { text, json }

    /** The codes, for shell completion after {@code berth explain}. */
    static final class Codes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Code.values()).map(Code::id).iterator();
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CODE", completionCandidates = Codes.class,
            description = "A code such as S002 (any case).")
    String code;

    @Option(names = "--list", description = "List every code with its severity and title, by topic.")
    boolean list;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); json prints the entry "
                    + "(with --list: every entry) as one document on stdout.")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list || code == null) {
            out.print(format == Format.json ? CatalogueJson.list() : Catalogue.list());
            out.flush();
            return 0;
        }
        Optional<Code> found = Code.find(code.strip());
        if (found.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("berth: unknown diagnostic code '" + code + "'"
                    + DidYouMean.closest(code.strip().toUpperCase(java.util.Locale.ROOT),
                            Arrays.stream(Code.values()).map(Code::id).toList())
                    .map(c -> "; did you mean " + c + "?").orElse(""));
            err.println("Known codes: " + String.join(" ", Arrays.stream(Code.values()).map(Code::id).toList()));
            err.println("Try 'berth explain --list' for their titles.");
            err.flush();
            return 1;
        }
        out.print(format == Format.json ? CatalogueJson.entry(found.get()) : Catalogue.explain(found.get()));
        out.flush();
        return 0;
    }
}
