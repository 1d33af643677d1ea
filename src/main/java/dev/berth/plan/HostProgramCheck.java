package dev.berth.plan;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the host has what the containers' units run ({@link HostProgram}): systemd-nspawn, the stock
 * systemd-nspawn@.service, systemd-socket-proxyd. Without it the socket listens and the first connection fails, so
 * plan says so beforehand and names the package. Checked on the live host and on a root that holds a system (an
 * os-release); an empty directory that a tree is staged in is no host.
 */
final class HostProgramCheck {
    private HostProgramCheck() {
    }

    static void check(Target target, List<GuestRoot> guests, List<Diagnostic> diagnostics) {
        Map<HostProgram, List<GuestRoot>> users = new EnumMap<>(HostProgram.class);
        for (GuestRoot guest : guests) {
            guest.programs().forEach(p -> users.computeIfAbsent(p, k -> new ArrayList<>()).add(guest));
        }
        RootReader files = target.files();
        if (users.isEmpty() || !holdsASystem(files)) {
            return;
        }
        String host = target.live() ? "this host" : "the root " + target.root();
        users.forEach((program, containers) -> {
            if (has(files, program)) {
                return;
            }
            GuestRoot first = containers.get(0);
            String others = containers.size() == 1 ? ""
                    : " (and " + (containers.size() - 1) + (containers.size() == 2 ? " more container)" : " more containers)");
            diagnostics.add(Diagnostic.warning(Code.A014, first.origin(), first.container() + "'s units need "
                    + program.unitName() + ", which " + program.role() + ", and " + host + " has none" + others
                    + ": the socket would listen and the first connection fail",
                    "install " + program.debianAndFedoraPackage() + ", e.g. apt-get install "
                            + program.debianAndFedoraPackage() + " (Debian, Ubuntu) or dnf install "
                            + program.debianAndFedoraPackage() + " (Fedora)"));
        });
    }

    /** An os-release file (or link, as Debian's etc/os-release is) marks an operating system. */
    private static boolean holdsASystem(RootReader files) {
        for (String osRelease : List.of("etc/os-release", "usr/lib/os-release")) {
            try {
                if (files.look(osRelease) instanceof Observation.Present) {
                    return true;
                }
            } catch (IOException e) {
                return false; // unreadable: no finding rather than a wrong one
            }
        }
        return false;
    }

    /** Whether one of the program's places holds it; a place behind a symbolic link (lib -> usr/lib) is another's. */
    private static boolean has(RootReader files, HostProgram program) {
        for (String place : program.places()) {
            try {
                if (files.look(place) instanceof Observation.Present) {
                    return true;
                }
            } catch (IOException e) {
                return true; // unreadable: no finding rather than a wrong one
            }
        }
        return false;
    }
}
