package dev.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * berth's help, rendered by picocli when berth is built and read back when someone asks for it. Building the
 * command model is most of what {@code berth --help} costs (picocli reads every verb's annotations), so the
 * build stores the text each help request prints, plain and coloured, in the jar ({@code mvn process-classes},
 * see pom.xml), and {@link Main} prints it without building the model. A request that is not exactly one of
 * these, or a jar without the texts, goes through picocli as usual; a test checks every stored text against
 * what picocli prints now.
 */
final class HelpTexts {
    /** Below the class path: {@code plain/TOPIC.txt} and {@code ansi/TOPIC.txt}, where TOPIC is a verb or "berth". */
    static final String RESOURCES = "help/";
    static final String TOP = "berth";
    private static final Set<String> HELP_OPTIONS = Set.of("-h", "--help");

    private HelpTexts() {
    }

    /** The stored text these arguments print, when they only ask for help and the jar holds it. */
    static Optional<String> stored(String[] args, boolean color) {
        Optional<String> topic = topic(args);
        if (topic.isEmpty() || picocliTuned()) {
            return Optional.empty();
        }
        try (InputStream in = HelpTexts.class.getResourceAsStream(resource(topic.get(), color))) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty(); // picocli prints it instead
        }
    }

    /**
     * Which help the arguments ask for: {@code berth}, {@code berth -h|--help|help} (the overview) and
     * {@code berth VERB -h|--help}, {@code berth help VERB} (a verb). Anything else is for picocli.
     */
    static Optional<String> topic(String[] args) {
        if (args.length == 0 || args.length == 1 && (HELP_OPTIONS.contains(args[0]) || args[0].equals("help"))) {
            return Optional.of(TOP);
        }
        if (args.length == 2 && args[0].equals("help") && isName(args[1])) {
            return Optional.of(args[1]);
        }
        if (args.length == 2 && HELP_OPTIONS.contains(args[1]) && isName(args[0])) {
            return Optional.of(args[0]);
        }
        return Optional.empty();
    }

    /** Every request {@link #topic} recognises for these verbs, with the topic it shows. */
    static Map<List<String>, String> requests(Iterable<String> verbs) {
        Map<List<String>, String> requests = new LinkedHashMap<>();
        requests.put(List.of(), TOP);
        requests.put(List.of("-h"), TOP);
        requests.put(List.of("--help"), TOP);
        requests.put(List.of("help"), TOP);
        for (String verb : verbs) {
            requests.put(List.of(verb, "-h"), verb);
            requests.put(List.of(verb, "--help"), verb);
            requests.put(List.of("help", verb), verb);
        }
        return requests;
    }

    static String resource(String topic, boolean color) {
        return RESOURCES + (color ? "ansi/" : "plain/") + topic + ".txt";
    }

    /** What picocli prints now for the topic, going through the command model (never the stored text). */
    static String render(String topic, boolean color) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = topic.equals(TOP) ? new String[] {"--help"} : new String[] {topic, "--help"};
        int status = Main.execute(environment(color), new PrintWriter(out), new PrintWriter(err), args);
        if (status != 0 || !err.toString().isEmpty()) {
            throw new IllegalStateException("berth " + String.join(" ", args) + " failed: " + err);
        }
        return out.toString();
    }

    /** A terminal that takes colours, or captured output. */
    static Environment environment(boolean color) {
        return color ? new Environment(Map.of("TERM", "xterm"), true, true) : new Environment(Map.of(), false, false);
    }

    /** The build's step: writes every topic's text, plain and coloured, below DIR (the classes directory). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: HelpTexts CLASSES_DIR");
        }
        Path dir = Path.of(args[0]).resolve(HelpTexts.class.getPackageName().replace('.', '/'));
        List<String> topics = new ArrayList<>(List.of(TOP));
        topics.addAll(Main.VERBS.keySet());
        for (String topic : topics) {
            for (boolean color : new boolean[] {false, true}) {
                Path file = dir.resolve(resource(topic, color));
                Files.createDirectories(file.getParent());
                try {
                    Files.writeString(file, render(topic, color), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static boolean isName(String arg) {
        if (arg.isEmpty()) {
            return false;
        }
        for (int i = 0; i < arg.length(); i++) {
            if (arg.charAt(i) < 'a' || arg.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    /** picocli's own settings (width, colours) are honoured by picocli alone. */
    private static boolean picocliTuned() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }
}
