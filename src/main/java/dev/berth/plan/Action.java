package dev.berth.plan;

/** What a change does to one path. The symbols are terraform's, so plans read the way admins expect. */
public enum Action {
    CREATE('+', "create"),
    UPDATE('~', "update"),
    DELETE('-', "delete");

    private final char symbol;
    private final String word;

    Action(char symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    public char symbol() {
        return symbol;
    }

    /** The name in JSON plans. */
    public String word() {
        return word;
    }
}
