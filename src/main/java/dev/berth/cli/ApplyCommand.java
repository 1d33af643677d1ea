package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.load.Source;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth apply FILE [--root DIR]}: shows the plan and carries out exactly that plan. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        header = "Install the compiled config into a root.",
        description = {"Install the compiled config into a root: show the plan, then carry it out.",
                "Runs under a lock. Each file is replaced atomically; berth's manifest (var/lib/berth/manifest.json) "
                        + "lets it prune files that left the config and refuse files it did not write. On the live host "
                        + "(--root /) it then runs systemctl daemon-reload once and starts, restarts or stops units as "
                        + "the plan says, and probes the ports of the containers it changed that declare a probe (docs/apply.md)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:applied, or nothing to do",
                "1:invalid config, refused plan, lock held, a failed step (the report says what state the root is in), or a "
                        + "port that did not answer its probe (also when --rollback-on-failure then rolled back)",
                "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  sudo berth apply berth.yaml", "  berth plan berth.yaml -o web.plan && sudo berth apply web.plan",
                "  sudo berth apply berth.yaml --rollback-on-failure",
                "  berth apply berth.yaml --root /var/lib/machines/image --progress"})
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    TargetOptions target;

    @Mixin
    GenerationOptions generations;

    @Mixin
    InstallOptions install;

    @Mixin
    ProbeOptions probes;

    @Parameters(index = "0", paramLabel = "FILE", description = "The berth.yaml to apply, or a plan saved by berth plan "
            + "-o: applied as it is, without compiling, when every path it planned still holds what it saw.")
    Path file;

    @Option(names = "--progress", description = "Show each step on stderr as it finishes, also when stderr is not "
            + "a terminal (on a terminal a progress line is shown anyway).")
    boolean progress;

    @Override
    public Integer call() {
        Installation installation = new Installation(spec, output, install.full, false).keepGenerations(generations.keep())
                .probing(probes, LiveProbes::probe, "apply");
        String conflict = probes.probe == null ? null
                : installation.openQuietly(target.root).map(h -> probes.conflict(h.target().live())).orElse(null);
        if (conflict != null) {
            spec.commandLine().getErr().println("berth: " + conflict + "; nothing was changed under " + target.root);
            spec.commandLine().getErr().flush();
            return 1;
        }
        if (SavedPlans.isSaved(file)) {
            if (install.adopt || install.bootstrap || install.checksum || install.full) {
                spec.commandLine().getErr().println("berth: --adopt, --bootstrap, --checksum and --full shape a plan: give "
                        + "them to berth plan -o; " + file + " is applied as it was saved");
                spec.commandLine().getErr().flush();
                return 1;
            }
            SavedPlanUse saved = new SavedPlanUse(installation);
            return saved.read(file).map(plan -> saved.apply(plan, target.root, progress)).orElse(1);
        }
        Optional<Source> source = installation.read(file);
        if (source.isEmpty()) {
            return 1;
        }
        if (!install.checksum) {
            // a root last applied from this very config: planned from its manifest and stamps, under the lock
            Optional<Hosts.Host> host = installation.openQuietly(target.root);
            if (host.isPresent()) {
                Integer status = installation.locked(host.get(), () -> installation
                        .planIfUnchanged(source.get(), host.get(), install.toPlanOptions())
                        .map(plan -> installation.applyChecked(host.get(), plan, progress)).orElse(null));
                if (status != null) {
                    return status;
                }
            }
        }
        Optional<Installation.Compiled> compiled = installation.compile(source.get(), target.root);
        if (compiled.isEmpty()) {
            return 1;
        }
        Hosts.Host host = compiled.get().host();
        // planned under the lock, so the plan shown is the state apply starts from
        return installation.locked(host, () -> installation.applyChecked(host,
                Berth.plan(compiled.get().desired(), host.target(), install.toPlanOptions()), progress));
    }
}
