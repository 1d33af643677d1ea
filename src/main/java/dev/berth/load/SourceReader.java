package dev.berth.load;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Diagnostics;
import dev.berth.diag.Position;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a config file as strict UTF-8 (a byte-order mark is dropped); bad bytes are a diagnostic. */
public final class SourceReader {
    private SourceReader() {
    }

    public static Optional<Source> read(Path file, String name, long maxBytes, Diagnostics diagnostics) {
        byte[] bytes;
        try {
            if (Files.size(file) > maxBytes) {
                diagnostics.add(Diagnostic.error(Code.Y003, "", "the file is larger than " + maxBytes / (1024 * 1024) + " MiB",
                        "berth configs are small; check that this is the right file").at(new Position(name, 1, 1)));
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            diagnostics.add(Diagnostic.error(Code.Y006, "", "cannot read " + name + ": no such file", "check the path")
                    .at(new Position(name, 1, 1)));
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(Code.Y006, "", "cannot read " + name + ": " + e.getMessage(),
                    "check the path and its permissions").at(new Position(name, 1, 1)));
            return Optional.empty();
        }
        return decode(bytes, name, diagnostics);
    }

    public static Optional<Source> decode(byte[] bytes, String name, Diagnostics diagnostics) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return Optional.of(new Source(name, text));
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            diagnostics.add(Diagnostic.error(Code.Y006, "", "the file is not valid UTF-8 (byte " + bad + ")",
                    "save the file as UTF-8").at(positionOf(bytes, bad, name)));
            return Optional.empty();
        }
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static Position positionOf(byte[] bytes, int offset, String name) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, Math.max(0, offset - lineStart), StandardCharsets.UTF_8);
        return new Position(name, line, before.codePointCount(0, before.length()) + 1);
    }
}
