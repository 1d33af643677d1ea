package dev.berth.translate;

import dev.berth.model.Container;
import dev.berth.model.Guest;
import java.util.ArrayList;
import java.util.List;

/**
 * How to create the operating system in a container root. One place for it, because NOTES.md prints
 * the commands and {@code berth apply --bootstrap} runs them: the two must never differ.
 *
 * @param os      {@code debian}, {@code ubuntu}, {@code fedora}, or empty when the config leaves it open
 * @param release the release, or empty for the distribution's current one
 * @param sshd     whether a guest service runs sshd, so the guest needs openssh-server
 * @param packages what else the config asks for ({@code guest.packages})
 */
public record GuestBootstrap(String os, String release, boolean sshd, List<String> packages) {
    public GuestBootstrap {
        packages = List.copyOf(packages);
    }

    public static GuestBootstrap of(Container c) {
        return new GuestBootstrap(c.guest().flatMap(Guest::os).orElse(""), c.guest().flatMap(Guest::release).orElse(""),
                c.services().stream().anyMatch(NotesTranslator::runsSshd),
                c.guest().map(Guest::packages).orElse(List.of()));
    }

    /** Whether the config names the distribution, so that exactly one command creates the root. */
    public boolean chosen() {
        return !os.isEmpty();
    }

    /**
     * The commands that create the system in {@code dir}: one when the distribution is chosen, otherwise
     * one per alternative (Debian, then Fedora), of which the admin runs one.
     *
     * @param dir the root's directory as the machine running the command sees it, ending in '/'
     */
    public List<ShellCommand> commands(String dir) {
        List<String> debianPackages = new ArrayList<>(List.of("systemd", "systemd-sysv", "dbus"));
        List<String> fedoraPackages = new ArrayList<>(List.of("systemd", "passwd", "dnf", "fedora-release", "vim-minimal"));
        if (sshd) {
            debianPackages.add("openssh-server");
            fedoraPackages.add("openssh-server");
        }
        debianPackages.addAll(packages);
        fedoraPackages.addAll(packages);
        switch (os) {
            case "debian":
                return List.of(debootstrap(debianPackages, release.isEmpty() ? "stable" : release, dir));
            case "ubuntu":
                return List.of(debootstrap(debianPackages, release.isEmpty() ? "noble" : release, dir));
            case "fedora":
                return List.of(dnf(fedoraPackages, release.isEmpty() ? "41" : release, dir));
            default:
                return List.of(debootstrap(debianPackages, "stable", dir), dnf(fedoraPackages, "41", dir));
        }
    }

    private static ShellCommand debootstrap(List<String> packages, String release, String dir) {
        return ShellCommand.of("debootstrap", "--arch=amd64", "--include=" + String.join(",", packages), release, dir);
    }

    private static ShellCommand dnf(List<String> packages, String release, String dir) {
        List<String> argv = new ArrayList<>(List.of("dnf", "-y", "--releasever=" + release, "--installroot=" + dir,
                "--disablerepo=*", "--enablerepo=fedora", "install"));
        argv.addAll(packages);
        return new ShellCommand(argv);
    }
}
