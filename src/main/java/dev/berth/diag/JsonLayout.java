package dev.berth.diag;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;

/**
 * The whitespace of berth's JSON documents: {@code ": "} after a name, {@code ", "} between entries, nothing inside
 * brackets, except where the writer asked for a line break ({@link #newline}). Each document lays itself out
 * (one diagnostic a line, one manifest entry a line): a fixed indentation per depth would not give the documented
 * shapes. One instance per document, since it remembers the break asked for.
 */
final class JsonLayout implements PrettyPrinter {
    /** The indentation of the line break asked for, or -1 for none. */
    private int indent = -1;

    void newline(int indent) {
        this.indent = indent;
    }

    /** The asked-for line break, or {@code otherwise}. */
    private void space(JsonGenerator g, String otherwise) {
        if (indent < 0) {
            g.writeRaw(otherwise);
        } else {
            g.writeRaw('\n');
            g.writeRaw(" ".repeat(indent));
            indent = -1;
        }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) {
        g.writeRaw('{');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
        space(g, "");
    }

    @Override
    public void writeObjectNameValueSeparator(JsonGenerator g) {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) {
        g.writeRaw(',');
        space(g, " ");
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) {
        space(g, "");
        g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) {
        g.writeRaw('[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
        space(g, "");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
        g.writeRaw(',');
        space(g, " ");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) {
        space(g, "");
        g.writeRaw(']');
    }
}
