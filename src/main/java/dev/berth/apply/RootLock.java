package dev.berth.apply;

/** The held lock of a root; closing releases it. A crashed process releases it with its file descriptors. */
public interface RootLock extends AutoCloseable {
    @Override
    void close();
}
