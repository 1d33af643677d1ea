package dev.berth.cli;

import dev.berth.Berth;
import dev.berth.apply.Generations;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.JsonText;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

/** {@code berth generations [--root DIR]}: the applies berth keeps, to roll back to. Reads only. */
@Command(name = "generations", mixinStandardHelpOptions = true,
        header = "List the generations of a root, to roll back to.",
        description = {"List the generations berth keeps of a root: each apply that changed files, with its time, "
                + "what it changed and the identity of its config. The last one is what the root holds now; berth "
                + "rollback returns to an earlier one."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:listed (also when there are none)", "1:the record cannot be read", "3:internal error in berth"},
        footerHeading = "%nExamples:%n",
        footer = {"  berth generations", "  berth generations --root /var/lib/machines/image --format json"})
final class GenerationsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    TargetOptions target;

    @Override
    public Integer call() {
        Installation installation = new Installation(spec, output, false, false);
        Optional<Hosts.Host> host = installation.open(target.root);
        if (host.isEmpty()) {
            return 1;
        }
        List<Generations.Generation> all;
        try {
            all = Berth.generations(host.get().target());
        } catch (IOException e) {
            installation.fail(Diagnostic.error(Code.A009, "", "cannot read " + Generations.RECORD + ": " + e.getMessage(), ""));
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (installation.json()) {
            out.println(json(all));
        } else if (all.isEmpty()) {
            out.println("No generations under " + target.root + ": no apply has changed it since berth keeps them.");
        } else {
            out.printf("%-10s  %-20s  %5s  %6s  %7s  %s%n", "generation", "time", "add", "change", "destroy", "config");
            for (Generations.Generation g : all) {
                out.printf("%-10s  %-20s  %5d  %6d  %7d  %s%n", g.number() + (g == all.get(all.size() - 1) ? " (now)" : ""),
                        g.time(), g.added(), g.changed(), g.destroyed(),
                        g.config().map(c -> c.substring(0, Math.min(12, c.length()))).orElse("-"));
            }
        }
        out.flush();
        return 0;
    }

    private String json(List<Generations.Generation> all) {
        return JsonText.write(json -> {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeNumberProperty("format_version", 1);
            g.writeStringProperty("root", target.root.toString());
            g.writeArrayPropertyStart("generations");
            for (Generations.Generation generation : all) {
                json.newline(2);
                g.writeStartObject();
                g.writeNumberProperty("number", generation.number());
                generation.writeWhatItDid(g);
                g.writeBooleanProperty("current", generation == all.get(all.size() - 1));
                g.writeEndObject();
            }
            if (!all.isEmpty()) {
                json.newline(0);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
