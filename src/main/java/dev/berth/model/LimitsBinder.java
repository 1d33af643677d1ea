package dev.berth.model;

import java.util.Optional;

/** Binds {@code limits:}. */
final class LimitsBinder {
    private LimitsBinder() {
    }

    static Optional<Limits> bind(Obj l, boolean present) {
        if (!present) {
            return Optional.empty();
        }
        return Optional.of(new Limits(l.path(), l.number("cpu-weight"), l.string("cpu-quota"), l.string("memory-max"),
                l.string("memory-high"), l.string("tasks-max"), l.number("io-weight"), l.number("cpu-shares"),
                l.string("memory-limit"), l.number("block-io-weight")));
    }
}
