package dev.berth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs the test suite walks: every example in {@code examples/} and every golden case with a
 * {@code berth.yaml} of its own. An example's approved output lives in {@code golden/<example name>/}.
 */
public final class Cases {
    public static final Path ROOT = Path.of("").toAbsolutePath();
    public static final Path EXAMPLES = ROOT.resolve("examples");
    public static final Path GOLDEN = ROOT.resolve("golden");

    /** A named input and the folder its approved files go to. */
    public record Case(String name, Path input, Path goldenDir) {
        public String text() {
            try {
                return Files.readString(input);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Cases() {
    }

    public static List<Case> examples() {
        List<Case> cases = new ArrayList<>();
        for (Path yaml : list(EXAMPLES)) {
            String file = yaml.getFileName().toString();
            if (file.endsWith(".yaml")) {
                String name = file.substring(0, file.length() - ".yaml".length());
                cases.add(new Case(name, yaml, GOLDEN.resolve(name)));
            }
        }
        return cases;
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>(examples());
        for (Path dir : list(GOLDEN)) {
            Path input = dir.resolve("berth.yaml");
            if (Files.isRegularFile(input)) {
                cases.add(new Case(dir.getFileName().toString(), input, dir));
            }
        }
        return cases;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
