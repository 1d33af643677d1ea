package dev.berth.translate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A command as an argument vector, so berth can run it without a shell and print it for one.
 *
 * @param argv the program and its arguments, unquoted
 */
public record ShellCommand(List<String> argv) {
    /** Characters a POSIX shell passes through unchanged. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    /** {@code --name=} with a safe name: only the value after '=' needs quotes, which reads better. */
    private static final Pattern OPTION = Pattern.compile("(--?[A-Za-z0-9-]+=)(.*)", Pattern.DOTALL);

    public ShellCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs a program");
        }
    }

    public static ShellCommand of(String... argv) {
        return new ShellCommand(List.of(argv));
    }

    /** The command as one line a shell reads back into exactly {@link #argv}. */
    public String shell() {
        StringBuilder line = new StringBuilder();
        for (String arg : argv) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(arg));
        }
        return line.toString();
    }

    static String quote(String arg) {
        if (SAFE.matcher(arg).matches()) {
            return arg;
        }
        var option = OPTION.matcher(arg);
        if (option.matches()) {
            return option.group(1) + singleQuoted(option.group(2));
        }
        return singleQuoted(arg);
    }

    private static String singleQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
