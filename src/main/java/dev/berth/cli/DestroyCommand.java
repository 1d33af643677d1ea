package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.plan.Plan;
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
 * {@code berth destroy [FILE] [--root DIR]}: removes everything berth's manifest lists. The manifest, not
 * the config, is the record of what berth installed, so FILE is not read: a config that no longer compiles
 * (or was lost) can still be uninstalled. FILE is accepted so that plan, apply and destroy share a command line;
 * one that does not exist is a mistake all the same. A root berth never installed into is left as it is: not even
 * the lock is created there.
 */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        header = "Remove everything berth installed in a root.",
        description = {"Remove everything berth installed in a root, as its manifest lists it.",
                "On the live host (--root /) berth first stops its sockets and containers, and reloads systemd "
                        + "afterwards. Directories and the lock file stay."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:removed, or nothing to remove",
                "1:FILE or the root does not exist, lock held, a file in the way, or a failed step",
                "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth destroy berth.yaml --root /var/lib/machines/image", "  sudo berth destroy"})
final class DestroyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    TargetOptions target;

    @Mixin
    GenerationOptions generations;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The config that was applied (it must exist, but is not compiled: the manifest under the root "
                    + "says what to remove).")
    Path file;

    @Option(names = "--progress", description = "Show each step on stderr as it finishes, also when stderr is not "
            + "a terminal (on a terminal a progress line is shown anyway).")
    boolean progress;

    @Override
    public Integer call() {
        Installation installation = new Installation(spec, output, false, true).keepGenerations(generations.keep());
        if (file != null && installation.read(file).isEmpty()) {
            return 1;
        }
        Optional<Hosts.Host> host = installation.open(target.root);
        if (host.isEmpty()) {
            return 1;
        }
        Plan unlocked = Berth.planDestroy(host.get().target());
        if (!unlocked.hasChanges() && !unlocked.manifestChanges() && !unlocked.hasErrors()) {
            // nothing of berth's there: said without taking the lock, which would be the first file berth leaves
            return installation.applyAndReport(host.get(), unlocked, progress);
        }
        return installation.locked(host.get(), () -> installation.applyAndReport(host.get(),
                Berth.planDestroy(host.get().target()), progress));
    }
}
