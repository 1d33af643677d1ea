package dev.berth.schema;

import dev.berth.check.suggest.PlainPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The value a user most likely meant, for each format berth checks: {@code ssh} for a unit name is
 * {@code ssh.service}, {@code 30 secs} for a time span is {@code 30s}. A suggestion is only offered when it is
 * valid (the caller checks it against the schema), so these may guess.
 */
final class Suggestions {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern DURATION_PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-zμ]*)\\s*");
    /** How people write time units, and how systemd spells them. */
    private static final Map<String, String> TIME_UNITS = Map.ofEntries(
            Map.entry("", "s"), Map.entry("us", "us"), Map.entry("usec", "us"), Map.entry("usecs", "us"), Map.entry("μs", "us"),
            Map.entry("microsecond", "us"), Map.entry("microseconds", "us"), Map.entry("ms", "ms"), Map.entry("msec", "ms"),
            Map.entry("msecs", "ms"), Map.entry("millisecond", "ms"), Map.entry("milliseconds", "ms"), Map.entry("s", "s"),
            Map.entry("sec", "s"), Map.entry("secs", "s"), Map.entry("second", "s"), Map.entry("seconds", "s"),
            Map.entry("m", "min"), Map.entry("min", "min"), Map.entry("mins", "min"), Map.entry("minute", "min"),
            Map.entry("minutes", "min"), Map.entry("minuts", "min"), Map.entry("h", "h"), Map.entry("hr", "h"),
            Map.entry("hrs", "h"), Map.entry("hour", "h"), Map.entry("hours", "h"), Map.entry("d", "d"), Map.entry("day", "d"),
            Map.entry("days", "d"), Map.entry("w", "w"), Map.entry("wk", "w"), Map.entry("wks", "w"), Map.entry("week", "w"),
            Map.entry("weeks", "w"), Map.entry("mo", "month"), Map.entry("month", "month"), Map.entry("months", "month"),
            Map.entry("y", "y"), Map.entry("yr", "y"), Map.entry("yrs", "y"), Map.entry("year", "y"), Map.entry("years", "y"));
    /** How people write "no timeout". */
    private static final Set<String> NO_TIMEOUT = Set.of("infinite", "inf", "infinity", "forever", "never", "none", "no",
            "unlimited", "off", "disabled");
    private static final List<String> SECTIONS = List.of("Unit", "Service", "Socket", "Install");
    private static final List<String> UNIT_SUFFIXES = List.of("service", "socket", "timer", "path", "mount");

    private Suggestions() {
    }

    /** {@code srv/web}, {@code ./srv/web} and {@code srv//web/} all meant {@code /srv/web}. */
    static Optional<String> path(String text) {
        String meant = PlainPath.meant(text.strip());
        return meant.equals("/") ? Optional.empty() : Optional.of(meant);
    }

    /** {@code 512MB}, {@code 2 GiB}, {@code 1.5G} and {@code unlimited} in the form systemd reads. */
    static Optional<String> size(String text) {
        String t = text.strip().replace(" ", "");
        if (t.equalsIgnoreCase("unlimited") || t.equalsIgnoreCase("max") || t.equalsIgnoreCase("none")) {
            return Optional.of("infinity");
        }
        if (t.matches("[0-9]+(\\.[0-9]+)?%")) {
            return Optional.of(new BigDecimal(t.substring(0, t.length() - 1)).setScale(0, java.math.RoundingMode.HALF_UP) + "%");
        }
        Matcher m = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([kKmMgGtT])?(?:i?[bB])?").matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        String units = "KMGT";
        int unit = m.group(2) == null ? -1 : units.indexOf(m.group(2).toUpperCase(Locale.ROOT));
        BigDecimal amount = new BigDecimal(m.group(1));
        while (amount.stripTrailingZeros().scale() > 0 && unit >= 0) {
            amount = amount.multiply(BigDecimal.valueOf(1024));
            unit--;
        }
        String whole = amount.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
        return Optional.of(whole + (unit >= 0 ? String.valueOf(units.charAt(unit)) : ""));
    }

    /** {@code 50}, {@code 50 %} or {@code 50 percent} is {@code 50%}. */
    static Optional<String> percent(String text) {
        Matcher m = Pattern.compile("\\s*([0-9]+)\\s*(%|percent)?\\s*").matcher(text);
        return m.matches() && !m.group(1).matches("0+") ? Optional.of(m.group(1).replaceFirst("^0+", "") + "%") : Optional.empty();
    }

    static Optional<String> taskCount(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("unlimited") || t.equals("max") || t.equals("none") || t.equals("inf")) {
            return Optional.of("infinity");
        }
        return percent(t);
    }

    /** {@code unlimited} and its kin are {@code infinity}; {@code 64K} is 65536. */
    static Optional<String> fileCount(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("unlimited") || t.equals("max") || t.equals("none") || t.equals("inf")) {
            return Optional.of("infinity");
        }
        if (t.matches("[1-9][0-9]{0,5}k")) {
            return Optional.of(Long.toString(Long.parseLong(t.substring(0, t.length() - 1)) * 1024));
        }
        return Optional.empty();
    }

    static Optional<String> section(String text) {
        if (text.toLowerCase(Locale.ROOT).startsWith("x-") && text.length() > 2) {
            return Optional.of("X-" + text.substring(2).replaceAll("[^A-Za-z0-9-]", "-"));
        }
        return DidYouMean.closest(text, SECTIONS);
    }

    /** {@code nice} is {@code Nice}, {@code exec-start-pre} is {@code ExecStartPre}. */
    static Optional<String> directive(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.length() > 0 && Character.isLetter(out.charAt(0)) ? Optional.of(out.toString()) : Optional.empty();
    }

    /** {@code MY-VAR} is {@code MY_VAR}; a name cannot start with a digit. */
    static Optional<String> environmentName(String text) {
        String name = text.strip().replaceAll("[^A-Za-z0-9_]", "_");
        return name.isEmpty() ? Optional.empty() : Optional.of(Character.isDigit(name.charAt(0)) ? "_" + name : name);
    }

    /** {@code rw-rw----} is {@code 0660}; {@code 0o660} and {@code 00660} are too. */
    static Optional<String> fileMode(String text) {
        String t = text.strip();
        if (t.matches("[r-][w-][x-][r-][w-][x-][r-][w-][x-]")) {
            int mode = 0;
            for (int i = 0; i < 9; i++) {
                mode = mode << 1 | (t.charAt(i) == '-' ? 0 : 1);
            }
            return Optional.of(String.format(Locale.ROOT, "0%03o", mode));
        }
        Matcher m = Pattern.compile("(?:0o|0+)?([0-7]{3})").matcher(t);
        return m.matches() ? Optional.of("0" + m.group(1)) : Optional.empty();
    }

    /** {@code 30 secs} is {@code 30s}, {@code 1 hour 30 mins} is {@code 1h30min}. */
    static Optional<String> duration(String text) {
        Matcher m = DURATION_PART.matcher(text.strip());
        StringBuilder out = new StringBuilder();
        int end = 0;
        while (m.lookingAt()) {
            String unit = TIME_UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (unit == null || m.group(2).equals("M")) {
                return Optional.empty();
            }
            out.append(m.group(1)).append(unit);
            end = m.end();
            m.region(end, text.strip().length());
        }
        return end == text.strip().length() && out.length() > 0 ? Optional.of(out.toString()) : Optional.empty();
    }

    /** {@code forever}, {@code none} and {@code inf} (no timeout) are {@code infinity}; else as {@link #duration}. */
    static Optional<String> timeout(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (NO_TIMEOUT.contains(t)) {
            return Optional.of("infinity");
        }
        return duration(text);
    }

    /** {@code net_admin} and {@code cap-sys-module} are {@code CAP_NET_ADMIN} and {@code CAP_SYS_MODULE}. */
    static Optional<String> capability(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z_]", "_");
        return Optional.of(name.startsWith("CAP_") ? name : "CAP_" + name);
    }

    /** {@code ssh} is {@code ssh.service}; a misspelt or capitalized suffix is corrected. */
    static Optional<String> unitName(String text) {
        String t = text.strip().replace(' ', '.');
        int dot = t.lastIndexOf('.');
        if (dot > 0) {
            String suffix = t.substring(dot + 1).toLowerCase(Locale.ROOT);
            Optional<String> known = DidYouMean.closest(suffix, UNIT_SUFFIXES);
            if (known.isPresent()) {
                return Optional.of(t.substring(0, dot).replaceAll("[^A-Za-z0-9_.@:-]", "-") + "." + known.get());
            }
        }
        return t.isEmpty() ? Optional.empty() : Optional.of(t.replaceAll("[^A-Za-z0-9_.@:-]", "-") + ".service");
    }

    static Optional<String> packageName(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+.-]", "-").replaceFirst("^[^a-z0-9]+", "");
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** {@code /run/sshd} is {@code sshd}: the directory is always below /run. */
    static Optional<String> relativeDirectory(String text) {
        String name = text.strip().replaceFirst("^/run/", "").replaceAll("^/+|/+$", "").replaceAll("[^A-Za-z0-9_./-]", "-");
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** A numeric id given as text is the number; {@code www data} is {@code www-data}. */
    static Optional<JsonNode> account(JsonNode value) {
        if (!value.isString()) {
            return Optional.empty();
        }
        String text = value.asString().strip();
        if (text.matches("[0-9]{1,10}")) {
            return Optional.of(JSON.numberNode(Long.parseLong(text)));
        }
        String name = text.replaceAll("[^A-Za-z0-9_-]", "-").replaceFirst("^[-0-9]+", "");
        return name.isEmpty() ? Optional.empty() : Optional.of(JSON.stringNode(name.length() > 31 ? name.substring(0, 31) : name));
    }

    /**
     * The name of the container's port a service meant: the one listening on the number written, else the only
     * or first port of the container or template the service belongs to.
     */
    static Optional<JsonNode> portName(JsonNode value, JsonNode document, String pointer) {
        int services = pointer.lastIndexOf("/services/");
        if (services < 0) {
            return Optional.empty();
        }
        JsonNode ports = document.at(pointer.substring(0, services)).path("ports");
        String written = value.isNumber() ? value.asString() : null;
        String first = null;
        for (var port : ports.properties()) {
            String listen = port.getValue().path("listen").asString("");
            if (written != null && (listen.equals(written) || listen.endsWith(":" + written))) {
                return Optional.of(JSON.stringNode(port.getKey()));
            }
            first = first == null ? port.getKey() : first;
        }
        return Optional.ofNullable(first).map(JSON::stringNode);
    }
}
