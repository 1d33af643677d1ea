package dev.berth.model;

import dev.berth.option.Place;
import java.util.Optional;

/** Binds {@code limits:}. */
final class LimitsBinder {
    private LimitsBinder() {
    }

    static Optional<Limits> bind(Obj l, boolean present) {
        if (!present) {
            return Optional.empty();
        }
        return Optional.of(new Limits(l.path(), OptionBinder.bind(l, Place.LIMITS)));
    }
}
