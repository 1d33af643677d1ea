package dev.berth.check.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Commands as berth takes them, a list with one item per argument that no shell reads, and the list a user meant
 * when writing a command the way a shell reads it: as one string, or with shell operators among the arguments.
 */
public final class CommandWords {
    /** Words a shell reads as operators between commands. */
    private static final Set<String> CONTROL = Set.of("|", "|&", "||", "&&", ";", "&");
    /** Redirections, alone ({@code >}, {@code 2>&1}) or joined to their file ({@code >/dev/null}). */
    private static final Pattern REDIRECTION = Pattern.compile("(?:[0-9]*|&)>>?(?:&[0-9]+|&-)?(?:/\\S*)?|[0-9]*<(?:&[0-9]+)?(?:/\\S*)?|<<");
    /** Characters that make a shell end a word and start an operator. */
    private static final String SHELL_OPERATOR_CHARACTERS = "|&;<>";
    /** A YAML flow item that reads back as this very string without quotes. */
    private static final Pattern YAML_PLAIN = Pattern.compile("(?:[A-Za-z/_]|-[A-Za-z-])[A-Za-z0-9/_.+=@%~-]*|0|[1-9][0-9]*");
    private static final Pattern YAML_SPECIAL = Pattern.compile("(?i)true|false|yes|no|on|off|null");
    /** Characters a POSIX shell passes through unchanged. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandWords() {
    }

    /**
     * A command line split as a shell splits it, quotes and backslashes removed.
     *
     * @param words       the words, without quotes
     * @param shellSyntax whether the line holds an operator outside quotes (a pipe, a redirection, '&&', ';' ...),
     *                    which takes a shell to mean anything
     */
    public record Split(List<String> words, boolean shellSyntax) {
        public Split {
            words = List.copyOf(words);
        }
    }

    /** The words a shell would read in {@code line}; an unterminated quote leaves the quote in the word. */
    public static Split split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean shellSyntax = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            int close = c == '\'' ? line.indexOf(c, i + 1) : c == '"' ? closingDoubleQuote(line, i + 1) : -1;
            if (close > i) {
                String quoted = line.substring(i + 1, close);
                word.append(c == '"' ? quoted.replaceAll("\\\\([\"\\\\$`])", "$1") : quoted);
                i = close;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else {
                shellSyntax |= SHELL_OPERATOR_CHARACTERS.indexOf(c) >= 0;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return new Split(words, shellSyntax);
    }

    /** The index of the '"' that ends a double-quoted string starting at {@code from}, or -1. */
    private static int closingDoubleQuote(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    /** Whether a shell would read {@code word} as an operator rather than as an argument. */
    public static boolean isShellOperator(String word) {
        return CONTROL.contains(word) || REDIRECTION.matcher(word).matches();
    }

    /** What the operator {@code word} makes in a shell, for a message: "a pipe", "a redirection" ... */
    public static String operatorMeaning(String word) {
        return switch (word) {
            case "|", "|&" -> "a pipe";
            case "&&", "||", ";" -> "a list of commands";
            case "&" -> "a background job";
            default -> "a redirection";
        };
    }

    /** The command as a YAML flow list: {@code [/bin/busybox, httpd, -i]}. */
    public static String flowList(List<String> words) {
        StringBuilder out = new StringBuilder("[");
        for (String w : words) {
            out.append(out.length() == 1 ? "" : ", ").append(yamlItem(w));
        }
        return out.append(']').toString();
    }

    /** The command a shell runs for {@code line}: {@code [/bin/sh, -c, "LINE"]}. */
    public static String shellForm(String line) {
        return flowList(List.of("/bin/sh", "-c", line));
    }

    /** The words as one shell line: operators as they are, every other word quoted where a shell needs it. */
    public static String shellLine(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            line.append(line.length() == 0 ? "" : " ").append(isShellOperator(w) || SHELL_SAFE.matcher(w).matches()
                    ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    /**
     * A hint for a command given as one string under {@code key}: the list with one item per argument, or for a
     * line that needs a shell, the list that runs one.
     */
    public static String listHint(String key, String line) {
        Split split = split(line);
        if (split.words().isEmpty()) {
            return key + " is a list, one item per argument, e.g. " + key + ": [/usr/sbin/sshd, -i]";
        }
        return suggestion(key, split.words(), split.shellSyntax() ? Optional.of(line.strip()) : Optional.empty());
    }

    /**
     * "KEY is a list, one item per argument: KEY: [...]", or when {@code shellLine} is present, the same with the
     * list that runs that line in a shell.
     */
    public static String suggestion(String key, List<String> words, Optional<String> shellLine) {
        return shellLine.map(l -> key + " is a list, one item per argument, and no shell reads it; to run a shell line, "
                        + "run the shell: " + key + ": " + shellForm(l))
                .orElseGet(() -> key + " is a list, one item per argument: " + key + ": " + flowList(words));
    }

    private static String yamlItem(String word) {
        if (YAML_PLAIN.matcher(word).matches() && !YAML_SPECIAL.matcher(word).matches()) {
            return word;
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
