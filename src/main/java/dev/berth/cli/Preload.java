package dev.berth.cli;

import dev.berth.render.Renderer;
import dev.berth.schema.SchemaValidator;
import java.util.Set;

/**
 * Start-up of the commands that run the pipeline: the schema validator and the template engine are the slowest
 * things to load, and they do not depend on the config. So they start loading on other threads while the
 * command line is still being parsed; on a machine with a second core they are ready when the config is. Other
 * commands ({@code --help}, {@code explain}) load neither.
 */
public final class Preload {
    private static final Set<String> VALIDATING = Set.of("validate", "compile", "plan", "apply");
    private static final Set<String> RENDERING = Set.of("compile", "plan", "apply");

    private Preload() {
    }

    /** Starts loading what the command these arguments name will need; returns at once. */
    public static void forCommand(String... args) {
        String verb = null;
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return;
            }
            if (verb == null && !arg.startsWith("-")) {
                verb = arg;
            }
        }
        if (verb == null || !VALIDATING.contains(verb)) {
            return;
        }
        SchemaValidator.preload();
        if (RENDERING.contains(verb)) {
            Renderer.preload();
        }
    }
}
