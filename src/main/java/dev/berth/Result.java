package dev.berth;

import dev.berth.diag.Diagnostics;
import java.util.Optional;

/**
 * What a pipeline step produced, with everything it found on the way. The value is absent exactly
 * when there are errors (or warnings under {@code --strict}, decided by the caller).
 */
public record Result<T>(Optional<T> value, Diagnostics diagnostics) {
    public static <T> Result<T> of(T value, Diagnostics diagnostics) {
        return new Result<>(Optional.of(value), diagnostics);
    }

    public static <T> Result<T> failed(Diagnostics diagnostics) {
        return new Result<>(Optional.empty(), diagnostics);
    }

    public boolean ok() {
        return value.isPresent();
    }
}
