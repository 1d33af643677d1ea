package dev.berth.plan;

import java.nio.file.Path;

/**
 * The root a plan is made for.
 *
 * @param root  the directory, as shown to the user
 * @param live  whether it is the running host ({@code --root /}): only then does berth talk to systemd
 * @param files how the planner reads it
 * @param host  the running systemd; {@link LiveHost#OFFLINE} for any other root
 */
public record Target(Path root, boolean live, RootReader files, LiveHost host) {
    public static Target offline(Path root, RootReader files) {
        return new Target(root, false, files, LiveHost.OFFLINE);
    }
}
