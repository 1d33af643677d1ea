package dev.berth.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs berth in-process, capturing what it prints. */
public record Cli(int status, String out, String err) {
    public static Cli run(String... args) {
        return run(Environment.captured(), args);
    }

    /** With an environment of the test's choosing: variables, and whether stdout and stderr count as terminals. */
    static Cli run(Environment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(status, out.toString(), err.toString());
    }

    /** Straight through picocli's model, never the help texts the build stored. */
    static Cli runWithoutStoredHelp(Environment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(status, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
