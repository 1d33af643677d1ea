package dev.berth.plan;

import java.util.Optional;

/**
 * A plan written to a file by {@code berth plan -o}, to be shown again and applied later without compiling the config:
 * the plan itself, with the text of every file it writes, and the build of berth that made it. Apply refuses it when
 * the root no longer holds what the plan saw ({@link SavedPlanCheck}). The format is in docs/saved-plan.md; a reader
 * refuses a higher {@value #FORMAT_VERSION}.
 *
 * @param plan  the plan as it was shown, without errors (a plan with errors is never saved)
 * @param build the identity of the build of berth that made it; a plan is applied only by the same build
 */
public record SavedPlan(Plan plan, String build) {
    public static final int FORMAT_VERSION = 1;
    /** The value of the document's {@code format}: what tells a saved plan from a config. */
    public static final String FORMAT = "berth-plan";
    /** Far above any real plan; a bigger file is not one berth wrote. */
    public static final int MAX_BYTES = 512 * 1024 * 1024;

    /** The identity of the config the plan installs, when it records one. */
    public Optional<String> config() {
        return plan.manifestAfter().config().map(AppliedConfig::digest);
    }

    /** The document berth writes for this plan. */
    public String toJson() {
        return SavedPlanWriter.write(this);
    }

    /** The saved plan in these bytes. */
    public static SavedPlan parse(byte[] json) throws Invalid {
        return SavedPlanReader.read(json);
    }

    /** Whether these bytes look like a saved plan rather than a config: a JSON object naming the format. */
    public static boolean looksSaved(byte[] start) {
        return SavedPlanReader.looksSaved(start);
    }

    /** Why a file cannot be read as a saved plan. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }
}
