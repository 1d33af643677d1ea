package dev.berth.apply;

import java.io.IOException;

/**
 * Called between the steps of each file operation (temp file created, written, renamed...). The real
 * program passes {@link #NONE}; fault-injection tests throw from it to interrupt an operation midway and
 * prove that every file is then either old or new.
 */
@FunctionalInterface
public interface Checkpoint {
    Checkpoint NONE = step -> {
    };

    void reached(String step) throws IOException;
}
