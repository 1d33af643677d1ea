package dev.berth.diag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The explanation and the bad and good example of every {@link Code}, from {@code catalogue.txt} beside this class
 * (its header describes the format). The file is read once, the first time a text is asked for: by
 * {@code berth explain}, a SARIF log or the docs; the diagnostics of a config are printed without it. A file that
 * leaves a code or one of its texts out, or has texts for a code the enum lacks, is a bug of the build, not of
 * anyone's config: reading it throws, naming each problem.
 */
final class CodeTexts {
    static final String RESOURCE = "catalogue.txt";
    private static final String INDENT = "    ";
    private static final List<String> FIELDS = List.of("explanation", "bad", "good");

    record Texts(String explanation, String badExample, String goodExample) {
    }

    private CodeTexts() {
    }

    /** The code's texts; throws, each time it is called, when the file cannot give every code its texts. */
    static Texts of(Code code) {
        if (Loaded.PROBLEM != null) {
            throw new IllegalStateException(Loaded.PROBLEM.getMessage(), Loaded.PROBLEM);
        }
        return Loaded.TEXTS.get(code);
    }

    /**
     * Holds the texts, so that the file is read when {@link #of} first runs and never when only Code is used. A
     * file that cannot be read is kept as the problem, for {@link #of} to throw as the bug it is (berth's internal
     * error), rather than as an error of class initialization.
     */
    private static final class Loaded {
        static final Map<Code, Texts> TEXTS;
        static final RuntimeException PROBLEM;

        static {
            Map<Code, Texts> texts = Map.of();
            RuntimeException problem = null;
            try {
                texts = read();
            } catch (RuntimeException e) {
                problem = e;
            }
            TEXTS = texts;
            PROBLEM = problem;
        }
    }

    /** The texts of every code from {@value #RESOURCE}. */
    static Map<Code, Texts> read() {
        try (InputStream in = CodeTexts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The texts of every code from the text of a catalogue file.
     *
     * @throws IllegalStateException naming every line that is not part of the format, every code without a block
     *                               or without one of its fields, and every block of a code the enum lacks
     */
    static Map<Code, Texts> parse(String text) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, List<String>>> blocks = new LinkedHashMap<>();
        Map<String, List<String>> block = null;
        List<String> field = null;
        int number = 0;
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            number++;
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (field != null) {
                    field.add(""); // kept only between lines of the field's text: see lines()
                }
            } else if (line.startsWith(INDENT)) {
                if (field == null) {
                    problems.add(at(number) + "indented text before a field label");
                } else {
                    field.add(line.substring(INDENT.length()));
                }
            } else if (isCode(line)) {
                block = new LinkedHashMap<>();
                field = null;
                if (blocks.putIfAbsent(line, block) != null) {
                    problems.add(at(number) + line + " has a second block");
                }
            } else if (line.endsWith(":") && FIELDS.contains(line.substring(0, line.length() - 1))) {
                field = new ArrayList<>();
                if (block == null) {
                    problems.add(at(number) + line + " before the first code");
                } else if (block.putIfAbsent(line.substring(0, line.length() - 1), field) != null) {
                    problems.add(at(number) + line + " a second time in the block");
                }
            } else {
                problems.add(at(number) + "'" + line + "' is not a code, a field label (explanation:, bad:, good:), "
                        + "text indented by four spaces or a comment");
            }
        }
        Map<Code, Texts> texts = new EnumMap<>(Code.class);
        Set<String> unknown = new LinkedHashSet<>(blocks.keySet());
        for (Code code : Code.values()) {
            unknown.remove(code.name());
        }
        for (String id : unknown) {
            problems.add(RESOURCE + ": " + id + " is not a code of dev.berth.diag.Code");
        }
        for (Code code : Code.values()) {
            Map<String, List<String>> fields = blocks.get(code.name());
            if (fields == null) {
                problems.add(RESOURCE + ": " + code + " has no block");
                continue;
            }
            List<List<String>> values = new ArrayList<>();
            for (String name : FIELDS) {
                List<String> lines = lines(fields.get(name));
                if (lines.isEmpty()) {
                    problems.add(RESOURCE + ": " + code + " has no " + name + ":");
                }
                values.add(lines);
            }
            if (values.get(0).contains("")) {
                problems.add(RESOURCE + ": the explanation of " + code + " is one paragraph, without an empty line");
            }
            StringBuilder explanation = new StringBuilder();
            for (String line : values.get(0)) {
                explanation.append(explanation.length() == 0 ? "" : " ").append(line.strip());
            }
            texts.put(code, new Texts(explanation.toString(), String.join("\n", values.get(1)),
                    String.join("\n", values.get(2))));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the texts of the diagnostic catalogue are not complete:\n"
                    + String.join("\n", problems));
        }
        return Collections.unmodifiableMap(texts);
    }

    private static String at(int line) {
        return RESOURCE + ":" + line + ": ";
    }

    /** A code's line: a capital letter and three digits, as Code's names are. */
    private static boolean isCode(String line) {
        if (line.length() != 4 || line.charAt(0) < 'A' || line.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < 4; i++) {
            if (line.charAt(i) < '0' || line.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A field's lines without the empty lines around its text (those after it separate it from what follows). */
    private static List<String> lines(List<String> field) {
        if (field == null) {
            return List.of();
        }
        int start = 0;
        int end = field.size();
        while (end > start && field.get(end - 1).isEmpty()) {
            end--;
        }
        while (start < end && field.get(start).isEmpty()) {
            start++;
        }
        return field.subList(start, end);
    }
}
