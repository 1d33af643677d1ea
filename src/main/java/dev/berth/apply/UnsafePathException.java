package dev.berth.apply;

import java.io.IOException;

/** A path below the root could only be reached by following a symbolic link, or through a non-directory. */
public final class UnsafePathException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String component;
    private final boolean symlink;

    /**
     * @param component the offending component, relative to the root
     * @param symlink   whether it is a symbolic link (else it is not a directory)
     */
    public UnsafePathException(String component, boolean symlink) {
        super(component + (symlink ? " is a symbolic link; berth does not follow links below the root"
                : " is not a directory"));
        this.component = component;
        this.symlink = symlink;
    }

    public String component() {
        return component;
    }

    public boolean symlink() {
        return symlink;
    }
}
