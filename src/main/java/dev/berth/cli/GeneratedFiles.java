package dev.berth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Files the build generates from the command tree (at {@code mvn package}, see pom.xml):
 * {@code man/man1/berth*.1} and {@code completion/berth.bash} below the directory given.
 */
public final class GeneratedFiles {
    private GeneratedFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GeneratedFiles DIR");
        }
        write(Path.of(args[0]));
    }

    static void write(Path dir) throws IOException {
        Path man = Files.createDirectories(dir.resolve("man/man1"));
        for (Map.Entry<String, String> page : ManPages.all().entrySet()) {
            Files.writeString(man.resolve(page.getKey()), page.getValue());
        }
        Path completion = Files.createDirectories(dir.resolve("completion"));
        Files.writeString(completion.resolve("berth.bash"), CompletionCommand.script());
    }
}
