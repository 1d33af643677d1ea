package dev.berth.unit;

/** What a generated file is; each kind has its own template. */
public enum UnitKind {
    SERVICE("service"),
    SOCKET("socket"),
    DROPIN("dropin"),
    NSPAWN("nspawn");

    private final String template;

    UnitKind(String template) {
        this.template = template;
    }

    public String template() {
        return template + ".ftl";
    }
}
