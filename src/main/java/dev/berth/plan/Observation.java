package dev.berth.plan;

/** What a path below the root was found to be, seen without following any symbolic link. */
public sealed interface Observation {
    record Absent() implements Observation {
    }

    /** A regular file or a symbolic link. */
    record Present(FileState state) implements Observation {
    }

    record Directory() implements Observation {
    }

    /** A device, socket or FIFO: nothing berth reads or replaces. */
    record Other(String what) implements Observation {
    }

    /**
     * The path cannot be reached safely: an existing parent component is a symbolic link (which berth does
     * not follow) or not a directory.
     *
     * @param component the offending parent, relative to the root
     * @param symlink   whether it is a symbolic link (else: a file or something else that is not a directory)
     */
    record Blocked(String component, boolean symlink) implements Observation {
    }
}
