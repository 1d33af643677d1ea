package dev.berth.probe;

import java.io.IOException;
import tools.jackson.databind.JsonNode;

/** Reading the files berth writes below var/lib/berth: a field that is missing or not text says which file and why. */
final class JsonFields {
    private final String file;

    JsonFields(String file) {
        this.file = file;
    }

    /** The document's root, after checking that it is of format version 1. */
    JsonNode versionOne(JsonNode root) throws IOException {
        JsonNode version = root.get("format_version");
        if (version == null || !version.isIntegralNumber() || version.intValue() != 1) {
            throw invalid("its format_version is not 1");
        }
        return root;
    }

    JsonNode field(JsonNode node, String name) throws IOException {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null) {
            throw invalid(name + " is missing");
        }
        return value;
    }

    String text(JsonNode node, String name) throws IOException {
        JsonNode value = field(node, name);
        if (!value.isString()) {
            throw invalid(name + " is not text");
        }
        return value.stringValue();
    }

    IOException invalid(String why) {
        return new IOException(file + " is not as berth writes it: " + why);
    }
}
