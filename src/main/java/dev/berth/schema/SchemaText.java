package dev.berth.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON Schema as shipped in the jar (copied there from {@code schemas/} by the build). */
public final class SchemaText {
    private SchemaText() {
    }

    public static String read() {
        try (InputStream in = SchemaText.class.getClassLoader().getResourceAsStream(SchemaValidator.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SchemaValidator.RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
