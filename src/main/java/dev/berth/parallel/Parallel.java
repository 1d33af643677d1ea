package dev.berth.parallel;

/**
 * When the stages split work on the items of a config (containers, their units) over the cores: below this many
 * items, starting the tasks costs more than it saves, and on one core nothing is gained at all.
 */
public final class Parallel {
    /** Items from which work is split. */
    public static final int FROM = 256;

    private Parallel() {
    }

    /** Whether work on this many items is split over the cores. */
    public static boolean pays(int items) {
        return items >= FROM && Runtime.getRuntime().availableProcessors() >= 2;
    }
}
