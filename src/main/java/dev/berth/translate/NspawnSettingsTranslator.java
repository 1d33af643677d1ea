package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Runtime;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import dev.berth.unit.Value;
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
        file.add("Exec", "Boot", Value.bool(true));
        if (!c.bootArgs().isEmpty()) {
            file.add("Exec", "Parameters", Value.arguments(c.bootArgs()));
        }
        file.add("Exec", "PrivateUsers", Value.word(r.privateUsers() ? "pick" : "no"));
        if (!r.dropCapabilities().isEmpty()) {
            file.add("Exec", "DropCapability", Value.words(r.dropCapabilities()));
        }
        c.journal().ifPresent(j -> file.add("Exec", "LinkJournal", Value.word(j.equals("link") ? "try-guest" : j)));
        if (r.privateUsers()) {
            file.add("Files", "PrivateUsersOwnership", Value.word("auto"));
        }
        for (Runtime.Bind b : r.binds()) {
            file.add("Files", b.readOnly() ? "BindReadOnly" : "Bind", Value.word(b.from() + (b.to().equals(b.from()) ? "" : ":" + b.to())));
        }
        file.add("Network", "Private", Value.bool(r.network() == Runtime.Network.PRIVATE));
        file.add("Network", "VirtualEthernet", Value.bool(false));
        return Optional.of(new PlacedUnit(DIRECTORY, file.build()));
    }
}
