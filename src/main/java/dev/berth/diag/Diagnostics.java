package dev.berth.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Collects every finding of a stage, so the user sees all mistakes of one kind at once. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();
    /** A template shared by many containers would otherwise report the same problem once per container. */
    private final java.util.Set<Diagnostic> seen = new java.util.HashSet<>();

    public void add(Diagnostic diagnostic) {
        if (seen.add(diagnostic)) {
            items.add(diagnostic);
        }
    }

    public void error(Code code, String path, String summary, String hint) {
        add(Diagnostic.error(code, path, summary, hint));
    }

    public void warning(Code code, String path, String summary, String hint) {
        add(Diagnostic.warning(code, path, summary, hint));
    }

    /** A finding with the severity the catalogue gives its code (C002 a warning, C004 an error, ...). */
    public void report(Code code, String path, String summary, String hint) {
        add(Diagnostic.of(code, path, summary, hint));
    }

    public void addAll(Diagnostics other) {
        other.items.forEach(this::add);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public long count(Severity severity) {
        return items.stream().filter(d -> d.severity() == severity).count();
    }

    public boolean hasWarnings() {
        return items.stream().anyMatch(d -> d.severity() == Severity.WARNING);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** In file order (then by code) so output is stable and reads top to bottom; files keep the order they came in. */
    public List<Diagnostic> sorted() {
        List<String> files = items.stream().map(d -> d.position().map(Position::file).orElse("")).distinct().toList();
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator
                .comparingInt((Diagnostic d) -> files.indexOf(d.position().map(Position::file).orElse("")))
                .thenComparingInt(d -> d.position().map(Position::line).orElse(0))
                .thenComparingInt(d -> d.position().map(Position::column).orElse(0))
                .thenComparing(d -> d.code().id())
                .thenComparing(Diagnostic::path));
        return Collections.unmodifiableList(copy);
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(items);
    }

    /** Replaces every diagnostic with the one the function returns; used to attach positions once. */
    public void replaceAll(java.util.function.UnaryOperator<Diagnostic> f) {
        items.replaceAll(f);
        seen.clear();
        seen.addAll(items);
    }
}
