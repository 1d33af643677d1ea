package dev.berth.plan;

import dev.berth.unit.Directives;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which systemd knows the settings berth writes: every directive added after the book's systemd (197), from the
 * directive table ({@code unit/directives.txt}): those a real, older host or guest could lack.
 */
final class SystemdVersion {
    /** Setting to the first systemd release that knows it. */
    static final Map<String, Integer> SINCE = Directives.introducedAfterBook();

    private static final Pattern VERSION_LINE = Pattern.compile("systemd (\\d+)\\b.*", Pattern.DOTALL);
    /** Every systemd since 231 ships its shared library with the version in its name; Fedora adds the release. */
    private static final Pattern LIBRARY = Pattern.compile("libsystemd-shared-(\\d+)[.\\-].*");

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
        int start = 0;
        while (start < unitText.length()) {
            int end = unitText.indexOf('\n', start);
            if (end < 0) {
                end = unitText.length();
            }
            int eq = start;
            while (eq < end && Character.isLetterOrDigit(unitText.charAt(eq))) {
                eq++;
            }
            if (eq > start && eq < end && unitText.charAt(eq) == '=' && Character.isLetter(unitText.charAt(start))) {
                String name = unitText.substring(start, eq);
                Integer since = SINCE.get(name);
                if (since != null) {
                    needs.put(name, since);
                }
            }
            start = end + 1;
        }
        return needs;
    }
}
