package dev.berth.plan;

/**
 * Choices the user makes for one plan.
 *
 * @param adopt     take over files that exist, are not berth's, and differ ({@code --adopt}); otherwise refused
 * @param bootstrap create missing guest systems with the bootstrap command from the notes ({@code --bootstrap})
 */
public record PlanOptions(boolean adopt, boolean bootstrap) {
    public static final PlanOptions DEFAULT = new PlanOptions(false, false);
}
