package dev.berth.translate;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShellCommandTest {
    @Test
    void quotesOnlyWhatAShellWouldChange() {
        assertEquals("dnf -y --disablerepo='*' --installroot=/srv/x/ install systemd",
                ShellCommand.of("dnf", "-y", "--disablerepo=*", "--installroot=/srv/x/", "install", "systemd").shell());
        assertEquals("debootstrap stable '/tmp/my root/srv/x/'", ShellCommand.of("debootstrap", "stable", "/tmp/my root/srv/x/").shell());
        assertEquals("echo 'it'\\''s'", ShellCommand.of("echo", "it's").shell());
    }

    @Test
    void bootstrapCommandsFollowTheGuestsSystem() {
        GuestBootstrap debian = new GuestBootstrap("debian", "", true, List.of());
        assertEquals("debootstrap --arch=amd64 --include=systemd,systemd-sysv,dbus,openssh-server stable /srv/x/",
                debian.commands("/srv/x/").get(0).shell());
        assertEquals(2, new GuestBootstrap("", "", false, List.of()).commands("/srv/x/").size());
    }
}
