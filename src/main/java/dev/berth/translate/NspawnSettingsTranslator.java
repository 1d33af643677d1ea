package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Runtime;
import dev.berth.unit.Encode;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import java.util.Optional;

/**
 * {@code /etc/systemd/nspawn/NAME.nspawn} for the nspawn-unit form: what the book passes on the
 * command line, as settings of the distribution's systemd-nspawn@.service (which starts with
 * --network-veth -U --settings=override, so berth states network and user namespace explicitly).
 */
final class NspawnSettingsTranslator {
    static final String DIRECTORY = "etc/systemd/nspawn";

    Optional<PlacedUnit> translate(Container c) {
        Runtime r = c.runtime();
        if (r.form() != Runtime.Form.NSPAWN_UNIT) {
            return Optional.empty();
        }
        UnitFile.Builder file = UnitFile.builder(c.name() + ".nspawn", UnitKind.NSPAWN, c.path());
        file.add("Exec", "Boot", "yes");
        if (!c.bootArgs().isEmpty()) {
            file.add("Exec", "Parameters", Encode.arguments(c.bootArgs()));
        }
        file.add("Exec", "PrivateUsers", r.privateUsers() ? "pick" : "no");
        if (!r.dropCapabilities().isEmpty()) {
            file.add("Exec", "DropCapability", String.join(" ", r.dropCapabilities()));
        }
        c.journal().ifPresent(j -> file.add("Exec", "LinkJournal", j.equals("link") ? "try-guest" : j));
        if (r.privateUsers()) {
            file.add("Files", "PrivateUsersOwnership", "auto");
        }
        for (Runtime.Bind b : r.binds()) {
            file.add("Files", b.readOnly() ? "BindReadOnly" : "Bind", Encode.word(b.from() + (b.to().equals(b.from()) ? "" : ":" + b.to())));
        }
        file.add("Network", "Private", r.network() == Runtime.Network.PRIVATE ? "yes" : "no");
        file.add("Network", "VirtualEthernet", "no");
        return Optional.of(new PlacedUnit(DIRECTORY, file.build()));
    }
}
