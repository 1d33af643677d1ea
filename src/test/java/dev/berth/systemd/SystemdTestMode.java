package dev.berth.systemd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Lets systemd itself parse units: {@code /lib/systemd/systemd --test --system --unit=X} loads X and what it
 * pulls in from {@code SYSTEMD_UNIT_PATH} and dumps how it understood every loaded unit: the Description, the
 * argv of each Exec command ("Command Line:"), the environment. systemd refuses test mode as root, so as root
 * it runs as nobody (setpriv); the unit directories must be readable by that user.
 */
public final class SystemdTestMode {
    static final Path SYSTEMD = Path.of("/lib/systemd/systemd");
    private static final int NOBODY = 65534;

    /** How systemd read one unit: its dump lines (without the two-tab indent of properties). */
    public record UnitDump(String name, String text) {
        public Optional<String> property(String key) {
            String prefix = "\t\t" + key + ": ";
            return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst();
        }

        /** The argv of every Exec command of the unit, in order, decoded from systemd's shell quoting. */
        public List<List<String>> commandLines() {
            String prefix = "\t\t\tCommand Line: ";
            return text.lines().filter(l -> l.startsWith(prefix)).map(l -> CommandLine.words(l.substring(prefix.length()))).toList();
        }
    }

    public record Outcome(int exitCode, String stdout, String stderr, Map<String, UnitDump> units) {
    }

    private SystemdTestMode() {
    }

    /** Why systemd's test mode cannot run here, or empty when it can. */
    public static Optional<String> unavailable() {
        if (!Files.isExecutable(SYSTEMD)) {
            return Optional.of(SYSTEMD + " is not installed");
        }
        if (uid() == 0 && !Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            return Optional.of("running as root and setpriv is missing: systemd --test refuses to run as root");
        }
        return Optional.empty();
    }

    /**
     * @param unitPath directories holding the units, searched before the system's own (which provide
     *                 sysinit.target and the like)
     */
    public static Outcome run(String unit, List<Path> unitPath) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (uid() == 0) {
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.addAll(List.of(SYSTEMD.toString(), "--test", "--system", "--unit=" + unit, "--no-pager"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().put("HOME", "/");
        builder.environment().put("LANG", "C.UTF-8");
        // the trailing ':' appends the built-in search path
        builder.environment().put("SYSTEMD_UNIT_PATH", String.join(":", unitPath.stream().map(Path::toString).toList()) + ":");
        Process p = builder.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("systemd --test did not finish in 60 s");
        }
        return new Outcome(p.exitValue(), stdout, new String(err.join(), StandardCharsets.UTF_8), units(stdout));
    }

    /** Makes a directory and everything in it readable (and the directory traversable) by nobody. */
    public static void shareWithNobody(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static Map<String, UnitDump> units(String dump) {
        Map<String, UnitDump> units = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : dump.split("\n", -1)) {
            if (line.startsWith("\t-> Unit ") && line.endsWith(":")) {
                if (name != null) {
                    units.put(name, new UnitDump(name, text.toString()));
                }
                name = line.substring("\t-> Unit ".length(), line.length() - 1);
                text.setLength(0);
            } else if (name != null) {
                text.append(line).append('\n');
            }
        }
        if (name != null) {
            units.put(name, new UnitDump(name, text.toString()));
        }
        return units;
    }

    private static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * Reads back the "Command Line:" of systemd's dump: words separated by one space, each bare or in double
     * quotes with backslash escapes (systemd's shell_maybe_quote: {@code \" \\ \$ \`}, C escapes such as
     * {@code \n}, and {@code \NNN} octal bytes for other control characters).
     */
    static final class CommandLine {
        private CommandLine() {
        }

        static List<String> words(String line) {
            List<String> words = new ArrayList<>();
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            int i = 0;
            while (i < b.length) {
                ByteArrayOutputStream word = new ByteArrayOutputStream();
                if (b[i] == '"') {
                    i++;
                    while (i < b.length && b[i] != '"') {
                        if (b[i] == '\\' && i + 1 < b.length) {
                            i++;
                            int c = b[i];
                            if (c >= '0' && c <= '7') {
                                word.write(Integer.parseInt(new String(b, i, 3, StandardCharsets.US_ASCII), 8));
                                i += 3;
                                continue;
                            }
                            if (c == 'x') {
                                word.write(Integer.parseInt(new String(b, i + 1, 2, StandardCharsets.US_ASCII), 16));
                                i += 3;
                                continue;
                            }
                            word.write(switch (c) {
                                case 'a' -> 7;
                                case 'b' -> 8;
                                case 'f' -> 12;
                                case 'n' -> 10;
                                case 'r' -> 13;
                                case 't' -> 9;
                                case 'v' -> 11;
                                default -> c;
                            });
                            i++;
                        } else {
                            word.write(b[i++]);
                        }
                    }
                    if (i >= b.length) {
                        throw new IllegalArgumentException("unterminated quote in: " + line);
                    }
                    i++;
                } else {
                    while (i < b.length && b[i] != ' ') {
                        word.write(b[i++]);
                    }
                }
                words.add(word.toString(StandardCharsets.UTF_8));
                if (i < b.length && b[i] == ' ') {
                    i++;
                }
            }
            return words;
        }
    }
}
