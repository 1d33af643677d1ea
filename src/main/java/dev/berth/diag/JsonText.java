package dev.berth.diag;

import java.util.List;
import java.util.function.BiConsumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * A JSON document written token by token with Jackson's generator, in berth's layout: {@code ": "} after a name,
 * {@code ", "} between entries, and line breaks where the document asks for them ({@link #newline}). Strings
 * escape what a reader or a terminal could trip over: control characters ({@code \n}, {@code \t} and {@code \r}
 * by their short escape, the others by their code in lowercase hex), line and paragraph separators, and surrogates
 * without their other half (see {@link JsonSink}); everything else, non-ASCII included, is written as it is.
 *
 * <p>This class and its factory are loaded only by commands that print or write JSON.
 */
public final class JsonText {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .characterEscapes(new Escapes())
            .build();

    private final JsonSink sink;
    private final JsonLayout layout = new JsonLayout();
    private final JsonGenerator generator;

    /** What writes one document's tokens. */
    public interface Body {
        void write(JsonText json);
    }

    private JsonText(int capacity) {
        sink = new JsonSink(capacity);
        generator = FACTORY.createGenerator(new Context(layout), sink);
    }

    /** The document the body writes, as text without a final newline. */
    public static String write(Body body) {
        return write(64, body);
    }

    /** As {@link #write(Body)}, for a document of about {@code capacity} characters. */
    public static String write(int capacity, Body body) {
        JsonText json = new JsonText(capacity);
        body.write(json);
        json.generator.close();
        return json.sink.toString();
    }

    /**
     * A file berth keeps below var/lib/berth: {@code format_version} 1 and one array of entries, each on a line of its
     * own, as text ending in a newline.
     *
     * @param entry writes one entry, an object, with the generator
     */
    public static <T> String listFile(String name, List<T> entries, BiConsumer<JsonGenerator, T> entry) {
        return write(256 * (entries.size() + 1), json -> {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            json.newline(2);
            g.writeNumberProperty("format_version", 1);
            json.newline(2);
            g.writeArrayPropertyStart(name);
            for (T e : entries) {
                json.newline(4);
                entry.accept(g, e);
            }
            if (!entries.isEmpty()) {
                json.newline(2);
            }
            g.writeEndArray();
            json.newline(0);
            g.writeEndObject();
        }) + "\n";
    }

    /** A string as a JSON string literal, quoted and escaped as in a document: for messages that quote a value. */
    public static String quote(String value) {
        return write(value.length() + 2, json -> json.generator().writeString(value));
    }

    public JsonGenerator generator() {
        return generator;
    }

    /**
     * Breaks the line before the next token of the document, indenting it by {@code indent} spaces: the token after
     * the next separator, the first token inside the bracket just opened, or the closing bracket.
     */
    public JsonText newline(int indent) {
        layout.newline(indent);
        return this;
    }

    /** Control characters with their short escape only for {@code \n}, {@code \r} and {@code \t}; U+2028 and U+2029. */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            ascii['\b'] = ESCAPE_STANDARD;
            ascii['\f'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? LINE_SEPARATOR : ch == 0x2029 ? PARAGRAPH_SEPARATOR : null;
        }
    }

    /** The generator's settings for one document: its own layout. */
    private static final class Context extends ObjectWriteContext.Base {
        private final PrettyPrinter layout;

        Context(PrettyPrinter layout) {
            this.layout = layout;
        }

        @Override
        public PrettyPrinter getPrettyPrinter() {
            return layout;
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    }
}
