package dev.berth.diag;

/** How bad a diagnostic is. Errors stop the pipeline; warnings do so only with {@code --strict}. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
