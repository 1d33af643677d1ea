package dev.berth.load;

/**
 * A loaded config: plain values (maps with string keys in file order, lists, strings, longs, doubles,
 * booleans, null) plus where each one stands in the file.
 */
public record Document(Source source, Object root, SourceMap sourceMap) {
}
