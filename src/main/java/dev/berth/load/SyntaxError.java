package dev.berth.load;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/** A file the YAML parser cannot read, as a diagnostic (Y001). */
final class SyntaxError {
    private SyntaxError() {
    }

    /** Y001 at the parser's mark; the hint says what the parser was reading and where that began. */
    static Diagnostic of(Source source, MarkedYamlEngineException e) {
        Optional<Mark> problemMark = e.getProblemMark();
        Optional<Mark> mark = problemMark.or(e::getContextMark);
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        StringBuilder hint = new StringBuilder("check the indentation and quoting at or just before this point");
        if (e.getContext() != null) {
            hint.append(" (").append(e.getContext());
            e.getContextMark().filter(c -> problemMark.isPresent() && c.getLine() != problemMark.get().getLine())
                    .ifPresent(c -> hint.append(" that starts at line ").append(c.getLine() + 1));
            hint.append(')');
        }
        Diagnostic d = Diagnostic.error(Code.Y001, "", problem, hint.toString());
        return mark.map(m -> d.at(ParserMarks.position(source, Optional.of(m)))).orElse(d);
    }
}
