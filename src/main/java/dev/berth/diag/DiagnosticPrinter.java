package dev.berth.diag;

import java.io.PrintWriter;

/** One way of showing diagnostics: for people, for scripts, for CI systems. */
public interface DiagnosticPrinter {
    void print(Diagnostics diagnostics, PrintWriter out);
}
