package dev.berth.status;

import dev.berth.diag.Text;
import dev.berth.model.Config;
import dev.berth.model.Container;
import dev.berth.plan.Manifest;
import dev.berth.plan.RootReader;
import dev.berth.probe.ProbeRecord;
import dev.berth.probe.ProbeRecords;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The last probe result of each port of the config's containers, as apply kept them ({@link ProbeRecords}).
 *
 * @param last       by container and port; empty when no apply probed them
 * @param unreadable why the results cannot be read, in words, one line
 */
public record ProbesStatus(List<ProbeRecord> last, Optional<String> unreadable) {
    public static final ProbesStatus NONE = new ProbesStatus(List.of(), Optional.empty());

    public ProbesStatus {
        last = List.copyOf(last);
    }

    /** Reads the results once; those of containers the config no longer has are left out. */
    static ProbesStatus read(RootReader files, Config config) {
        Set<String> containers = config.containers().stream().map(Container::name).collect(Collectors.toSet());
        try {
            Optional<byte[]> bytes = files.readBytes(ProbeRecords.PATH, Manifest.MAX_BYTES);
            if (bytes.isEmpty()) {
                return NONE;
            }
            return new ProbesStatus(ProbeRecords.read(bytes.get()).stream().filter(r -> containers.contains(r.container()))
                    .toList(), Optional.empty());
        } catch (IOException e) {
            String why = e.getMessage() == null ? ProbeRecords.PATH + " cannot be read" : e.getMessage().strip();
            return new ProbesStatus(List.of(), Optional.of(Text.printable(why.lines().findFirst().orElse(why))));
        }
    }
}
