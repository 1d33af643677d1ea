package dev.berth.golden;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.Berth;
import dev.berth.Result;
import dev.berth.diag.HumanPrinter;
import dev.berth.load.Source;
import dev.berth.testing.Cases;
import dev.berth.testing.Cases.Case;
import dev.berth.tree.FileTree;
import dev.berth.tree.TreeListing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.NamerWrapper;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example and golden case compiled, its output compared with the approved files in
 * {@code golden/<case>/}: {@code tree.approved.txt} for a config that compiles,
 * {@code diagnostics.approved.txt} for what berth says about it (errors or warnings).
 * A mismatch leaves a {@code .received.txt} beside it to read and, if right, rename.
 */
class GoldenTest {
    static List<Case> cases() {
        return Cases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiledOutputMatchesApproved(Case c) {
        Source source = new Source("berth.yaml", c.text());
        Result<FileTree> result = Berth.compile(source);
        List<Runnable> checks = new java.util.ArrayList<>();
        if (!result.diagnostics().isEmpty()) {
            StringWriter text = new StringWriter();
            new HumanPrinter(source::line, false).print(result.diagnostics(), new PrintWriter(text));
            checks.add(() -> verify(c, "diagnostics", text.toString()));
        }
        if (result.ok()) {
            checks.add(() -> verify(c, "tree", TreeListing.render(result.value().get())));
        }
        // run every comparison, so one failing run leaves every .received file to read
        assertAll(checks.stream().map(check -> (org.junit.jupiter.api.function.Executable) check::run));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compilingTwiceGivesTheSameTree(Case c) {
        Source source = new Source("berth.yaml", c.text());
        Result<FileTree> first = Berth.compile(source);
        Result<FileTree> second = Berth.compile(source);
        assertEquals(first.value().map(TreeListing::render), second.value().map(TreeListing::render));
    }

    private static void verify(Case c, String what, String text) {
        Options options = new Options().withReporter(new QuietReporter())
                .forFile().withNamer(new NamerWrapper(() -> what, () -> c.goldenDir() + "/"));
        Approvals.verify(text, options);
    }
}
