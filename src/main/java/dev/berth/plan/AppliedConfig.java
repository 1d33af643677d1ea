package dev.berth.plan;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The config a root's manifest was written from, and what a plan needs of its compiled form besides the files:
 * with it, a plan of the same config by the same build of berth checks the root's files by their
 * {@link Stamp}s alone, without compiling the config again (see {@link QuickCheck}). Recorded only for a config
 * that compiled without any diagnostic, so that such a plan has nothing of the config's own to report.
 *
 * @param digest the config's identity: berth's build, the config's file name and its text, hashed
 * @param guests the guest roots the config writes into
 * @param needs  for the host's unit directory ({@code ""}) and each guest root's path: the systemd settings its
 *               units use that not every systemd knows, each with the first file (sorted) using it
 */
public record AppliedConfig(String digest, List<GuestRoot> guests, Map<String, SortedMap<String, String>> needs) {
    public AppliedConfig {
        guests = List.copyOf(guests);
        TreeMap<String, SortedMap<String, String>> copy = new TreeMap<>();
        needs.forEach((scope, settings) -> {
            if (!settings.isEmpty()) {
                copy.put(scope, new TreeMap<>(settings));
            }
        });
        needs = copy;
    }

    /** The settings the units of one unit directory need; empty when they need none. */
    public SortedMap<String, String> needsOf(String scope) {
        return needs.getOrDefault(scope, new TreeMap<>());
    }
}
