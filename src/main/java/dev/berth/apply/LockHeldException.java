package dev.berth.apply;

import java.io.IOException;

/** Another process (or another run in this one) holds the root's lock. */
public final class LockHeldException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String holder;

    /** @param holder what the lock file says about its holder (its pid), possibly empty */
    public LockHeldException(String holder) {
        super("the lock is held" + (holder.isBlank() ? "" : " by process " + holder.strip()));
        this.holder = holder.strip();
    }

    public String holder() {
        return holder;
    }
}
