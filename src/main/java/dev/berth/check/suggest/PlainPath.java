package dev.berth.check.suggest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The paths berth accepts in a config, and for one it refuses, the path the user meant. A path is absolute and
 * normalized, so that what berth writes is what the user meant, and plain: made of characters that read the same
 * unquoted in every unit directive and shell command berth writes it into.
 */
public final class PlainPath {
    /** The characters of a plain path. */
    public static final String PLAIN_CHARACTERS = "letters, digits, '.', '_', '+', '-' and '/'";
    private static final Pattern PLAIN = Pattern.compile("(/[A-Za-z0-9._+-]+)+");
    private static final Pattern NOT_PLAIN = Pattern.compile("[^A-Za-z0-9._+-]+");
    private static final Pattern NOT_PLAIN_AT_EDGES = Pattern.compile("^[^A-Za-z0-9._+-]+|[^A-Za-z0-9._+-]+$");
    /** Directories owned by the host's system: a guest root there would put guest units among host files. */
    private static final List<String> SYSTEM_DIRS = List.of("/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc",
            "/run", "/sbin", "/sys", "/tmp", "/usr", "/var/lib/berth");

    private PlainPath() {
    }

    /** Absolute, without '.', '..', '//' or a trailing '/'. */
    public static boolean normalized(String path) {
        if (!path.startsWith("/") || path.contains("//") || path.length() > 1 && path.endsWith("/")) {
            return false;
        }
        for (String part : path.substring(1).split("/")) {
            if (part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Normalized and made of {@link #PLAIN_CHARACTERS} only ('/' itself is not a plain path). */
    public static boolean plain(String path) {
        return PLAIN.matcher(path).matches();
    }

    /** '/' or a directory of the host's system, or a path inside one. */
    public static boolean systemDirectory(String path) {
        return path.equals("/") || SYSTEM_DIRS.stream().anyMatch(d -> path.equals(d) || path.startsWith(d + "/"));
    }

    /** The first character of a normalized path that a plain path may not hold. */
    public static Optional<Character> firstForbidden(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' && !PLAIN.matcher("/" + c).matches()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Why a plain path may not hold {@code c}: what the character would do where berth writes the path. */
    public static String whyForbidden(char c) {
        if (Character.isWhitespace(c)) {
            return "berth writes paths unquoted into unit files and commands, where whitespace separates two paths";
        }
        return switch (c) {
            case ':' -> "':' separates the two sides of a bind mount (Bind=, --bind=)";
            case '%' -> "systemd reads '%' as the start of a specifier such as %n";
            case '$' -> "systemd expands '$' in commands as a variable";
            case '"', '\'', '\\' -> "systemd removes quotes and backslashes from unit file values";
            default -> "berth writes paths unquoted into unit files and shell commands, where only "
                    + PLAIN_CHARACTERS + " read the same everywhere";
        };
    }

    /** A character named for a message: "a space", "a tab", or the character in quotes. */
    public static String describe(char c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\u00a0' -> "a no-break space";
            default -> Character.isISOControl(c) || Character.isWhitespace(c)
                    ? String.format("the character U+%04X", (int) c) : "'" + c + "'";
        };
    }

    /**
     * The plain path the user meant by {@code path}: taken from '/' when it is relative ({@code ./srv/web} and
     * {@code srv/web} mean /srv/web), '.' and '..' resolved, other characters dropped at the ends of a name and each run of
     * them inside it made one '-' ({@code /srv/my web} means /srv/my-web).
     */
    public static String meant(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            String plainPart = NOT_PLAIN.matcher(NOT_PLAIN_AT_EDGES.matcher(part).replaceAll("")).replaceAll("-");
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!plainPart.isEmpty() && !plainPart.equals(".") && !plainPart.equals("..")) {
                parts.add(plainPart);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The root the user meant; /srv/NAME when that would be '/' or a system directory. */
    public static String meantRoot(String root, String container) {
        String meant = meant(root);
        return systemDirectory(meant) ? "/srv" + meant("/" + container) : meant;
    }

    /**
     * The path the user meant for the field at {@code pointer} (a JSON pointer): a container root, a root parent
     * (under which the root NAME must not be a system directory) or any other path.
     */
    public static String meantAt(String pointer, String path) {
        String[] segments = pointer.split("/");
        String field = segments.length > 0 ? segments[segments.length - 1] : "";
        String owner = segments.length > 1 ? segments[segments.length - 2].replace("~1", "/").replace("~0", "~") : "";
        if (field.equals("root")) {
            return meantRoot(path, owner);
        }
        if (field.equals("root-parent")) {
            String meant = meant(path);
            return meant.equals("/") || systemDirectory(meant) ? "/srv" : meant;
        }
        return meant(path);
    }
}
