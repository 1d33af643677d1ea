package dev.berth.load;

/**
 * Bounds on what the loader accepts. berth reads files from repositories many people write to and
 * runs as root, so a hostile file must fail fast with a diagnostic instead of exhausting the host.
 */
public record LoaderLimits(int maxCodePoints, int maxAliases, int maxDepth, int maxNodes) {
    /** Generous for any real config (10,000 containers fit in a few MB), small enough to stay fast. */
    public static final LoaderLimits DEFAULT = new LoaderLimits(32 * 1024 * 1024, 100, 64, 2_000_000);
}
