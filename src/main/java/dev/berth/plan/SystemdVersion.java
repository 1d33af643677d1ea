package dev.berth.plan;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which systemd knows the settings berth writes. Only settings newer than the book's systemd (197) are
 * listed: those a real, older host or guest could lack. Extend the table when a template gains one.
 */
final class SystemdVersion {
    /** Setting to the first systemd release that knows it (systemd's NEWS file). */
    static final Map<String, Integer> SINCE = Map.of(
            "RuntimeDirectory", 211,
            "RuntimeDirectoryPreserve", 235);

    private static final Pattern VERSION_LINE = Pattern.compile("systemd (\\d+)\\b.*", Pattern.DOTALL);
    /** Every systemd since 231 ships its shared library with the version in its name; Fedora adds the release. */
    private static final Pattern LIBRARY = Pattern.compile("libsystemd-shared-(\\d+)[.\\-].*");
    private static final Pattern SETTING = Pattern.compile("^([A-Za-z]+)=", Pattern.MULTILINE);

    private SystemdVersion() {
    }

    /** From the first line of {@code systemctl --version}, e.g. {@code systemd 252 (252.22-1~deb12u1)}. */
    static Optional<Integer> fromVersionLine(String line) {
        Matcher m = VERSION_LINE.matcher(line.strip());
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** From a file name in {@code usr/lib/systemd/}, e.g. {@code libsystemd-shared-252.so}. */
    static Optional<Integer> fromLibraryName(String name) {
        Matcher m = LIBRARY.matcher(name);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** The settings of a unit file that need a systemd newer than 197, with the version each needs. */
    static SortedMap<String, Integer> requirements(String unitText) {
        SortedMap<String, Integer> needs = new TreeMap<>();
        if (SINCE.keySet().stream().noneMatch(unitText::contains)) {
            return needs; // a setting the table names cannot be on any line: no need to read the lines
        }
        Matcher m = SETTING.matcher(unitText);
        while (m.find()) {
            Integer since = SINCE.get(m.group(1));
            if (since != null) {
                needs.put(m.group(1), since);
            }
        }
        return needs;
    }
}
