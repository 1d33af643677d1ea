package dev.berth.load;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Position;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * A file the YAML parser cannot read, as a diagnostic (Y001). It stands where the mistake is: where the parser gave up,
 * except when what it gave up on was opened on an earlier line and never closed (a quote, a bracket, a key without its
 * ':'); the parser then reads on to a later line, often the end of the file, and the mistake is where it was opened.
 */
final class SyntaxError {
    private SyntaxError() {
    }

    static Diagnostic of(Source source, MarkedYamlEngineException e) {
        Optional<Mark> problemMark = e.getProblemMark();
        Optional<Mark> contextMark = e.getContextMark();
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext();
        Optional<String> unclosed = contextMark.filter(c -> context != null && problemMark.isPresent()
                        && c.getLine() < problemMark.get().getLine())
                .flatMap(c -> unclosedHint(source, context, c));
        if (unclosed.isPresent()) {
            // the parser's problem names the end of the file itself; any other place is worth its line
            boolean atEnd = problemMark.get().getIndex() >= source.text().codePointCount(0, source.text().length());
            String summary = atEnd ? problem : problem + " (at line " + (problemMark.get().getLine() + 1) + ")";
            return Diagnostic.error(Code.Y001, "", summary, unclosed.get()).at(ParserMarks.position(source, contextMark));
        }
        StringBuilder hint = new StringBuilder("check the indentation and quoting at or just before this point");
        if (context != null) {
            hint.append(" (").append(context);
            contextMark.filter(c -> problemMark.isPresent() && c.getLine() != problemMark.get().getLine())
                    .ifPresent(c -> hint.append(" that starts at line ").append(c.getLine() + 1));
            hint.append(')');
        }
        Diagnostic d = Diagnostic.error(Code.Y001, "", problem, hint.toString());
        return problemMark.or(() -> contextMark).map(m -> d.at(onTheLine(source, ParserMarks.position(source, Optional.of(m))))).orElse(d);
    }

    /** What to do about what the parser was reading, when that was opened at {@code start} and must be closed. */
    private static Optional<String> unclosedHint(Source source, String context, Mark start) {
        if (context.endsWith("a quoted scalar")) {
            String line = source.line(start.getLine() + 1);
            int at = line.offsetByCodePoints(0, Math.min(start.getColumn(), line.codePointCount(0, line.length())));
            String quote = at < line.length() && line.charAt(at) == '\'' ? "'" : "\"";
            return Optional.of("the quoted text that starts here is not closed: end it with " + quote + " where the text ends");
        }
        if (context.endsWith("a flow sequence")) {
            return Optional.of("the list that starts here with '[' is not closed: end it with ']' after its last item, "
                    + "and separate its items with ','");
        }
        if (context.endsWith("a flow mapping")) {
            return Optional.of("the mapping that starts here with '{' is not closed: end it with '}' after its last entry, "
                    + "and separate its entries with ','");
        }
        if (context.endsWith("a simple key")) {
            return Optional.of("this key has no ':' after it: write 'key: value', or quote the text if it is a value");
        }
        return Optional.empty();
    }

    /** The parser's mark at the end of a text ending in a lone '\r' lies one past its line: the line's end is meant. */
    private static Position onTheLine(Source source, Position p) {
        String line = source.line(p.line());
        int end = line.codePointCount(0, line.length()) + 1;
        return p.column() <= end ? p : new Position(p.file(), p.line(), end);
    }
}
