package dev.berth.unit;

import dev.berth.diag.Code;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules for the names berth turns into unit names. Stricter than systemd: no ':' (systemd-analyze
 * reads it as alias syntax), no '\' escapes and no '@' (berth adds it for templates itself).
 */
public final class UnitName {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern DROP_IN = Pattern.compile("[A-Za-z0-9_@+-][A-Za-z0-9_.@+-]*\\.conf");
    /** The longest derived file name is NAME@.service.d or NAME.socket.wants; systemd allows 255 bytes. */
    private static final int MAX_BYTES = 255 - "@.service.d".length() - 4;

    private UnitName() {
    }

    /**
     * Why a file name cannot be a drop-in in {@code NAME.service.d/}: systemd reads only files whose names end
     * in {@code .conf} and skips hidden ones, silently. berth also keeps the name a plain word, so that it is the
     * same on every file system and in every shell.
     */
    public static Optional<ValueProblem> dropInProblem(String fileName) {
        if (!DROP_IN.matcher(fileName).matches() || fileName.getBytes(StandardCharsets.UTF_8).length > 255) {
            String stem = fileName.replaceAll("\\.conf$", "").replaceAll("[^A-Za-z0-9_.@+-]", "-").replaceAll("^[-.]+", "");
            return Optional.of(new ValueProblem(Code.N004, "'" + fileName + "' is not a drop-in file name systemd reads",
                    "name it like '" + (stem.isEmpty() ? "10-override" : stem) + ".conf': letters, digits, '_', '.', '@', '+' and '-', "
                            + "ending in '.conf'"));
        }
        return Optional.empty();
    }

    /** Why the name cannot be a unit name prefix, if it cannot. */
    public static Optional<String> problem(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.of("'" + name + "' may hold only letters, digits, '_', '.' and '-'");
        }
        if (name.startsWith(".")) {
            return Optional.of("'" + name + "' must not start with '.'");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("'" + name + "' is longer than " + MAX_BYTES + " bytes");
        }
        return Optional.empty();
    }

    private static final Pattern FULL = Pattern.compile("[A-Za-z0-9_.:\\\\-]+(@[A-Za-z0-9_.:\\\\-]*)?"
            + "\\.(service|socket|target|mount|automount|swap|path|timer|slice|scope|device)");

    /** Why a complete unit name (with suffix, maybe a template or instance) is not one, if it is not. */
    public static Optional<String> fullNameProblem(String name) {
        if (!FULL.matcher(name).matches() || name.startsWith("@") || name.startsWith(".")) {
            return Optional.of("'" + name + "' is not NAME.TYPE (service, socket, target, mount, timer, path, slice, ...)");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > 255 - ".d".length()) {
            return Optional.of("'" + name + "' is longer than 253 bytes");
        }
        return Optional.empty();
    }
}
