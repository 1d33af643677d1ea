package dev.berth.model;

import java.util.List;

/**
 * The escape hatch: {@code settings: {Service: {Nice: 5, ReadWritePaths: [/a, /b]}}}. Values are the
 * user's text; the translator encodes them.
 *
 * @param path the config path of the {@code settings} key
 */
public record Settings(String path, List<Setting> entries) {
    public Settings {
        entries = List.copyOf(entries);
    }

    public static Settings none(String path) {
        return new Settings(path, List.of());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * One key of a section.
     *
     * @param values booleans as yes/no, numbers in decimal
     * @param list   whether the YAML gave a list (repeated lines; for Exec* keys: the command's words)
     */
    public record Setting(String section, String key, List<String> values, boolean list) {
        public Setting {
            values = List.copyOf(values);
        }

        public String path(Settings owner) {
            return owner.path() + "/" + section + "/" + key;
        }

        public boolean isCommand() {
            return key.startsWith("Exec");
        }
    }
}
