package dev.berth.load;

import dev.berth.diag.Position;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Positions from the parser's marks (0-based) as berth shows them (1-based), with the width of what ends on the line
 * it starts on. Nodes and events are measured alike, so that every way of loading gives the same source map.
 */
final class ParserMarks {
    private ParserMarks() {
    }

    /** Where a node starts, with its width when it ends on the same line. */
    static Position span(Source source, Node node) {
        Position start = position(source, node.getStartMark());
        return node.getEndMark()
                .filter(end -> end.getLine() + 1 == start.line() && end.getColumn() + 1 > start.column())
                .map(end -> new Position(start.file(), start.line(), start.column(), end.getColumn() + 1 - start.column()))
                .orElse(start);
    }

    static Position position(Source source, Optional<Mark> mark) {
        return mark.map(m -> new Position(source.name(), m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Position(source.name(), 1, 1));
    }

    /** The 1-based line of a start mark (1 without one), as {@link #span} gives it. */
    static int line(Optional<Mark> start) {
        return start.isPresent() ? start.get().getLine() + 1 : 1;
    }

    /** The 1-based column of a start mark (1 without one), as {@link #span} gives it. */
    static int column(Optional<Mark> start) {
        return start.isPresent() ? start.get().getColumn() + 1 : 1;
    }

    /** The width of what starts at this line and column when it ends on that line, else 0, as {@link #span} gives it. */
    static int width(int line, int column, Optional<Mark> end) {
        return end.isPresent() && end.get().getLine() + 1 == line && end.get().getColumn() + 1 > column
                ? end.get().getColumn() + 1 - column : 0;
    }

    /** Where a node starts and how wide it is, as the source map keeps it: line, column, width. */
    static int line(Node node) {
        return line(node.getStartMark());
    }

    static int column(Node node) {
        return column(node.getStartMark());
    }

    static int width(Node node) {
        return width(line(node), column(node), node.getEndMark());
    }
}
