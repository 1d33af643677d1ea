package dev.berth.plan;

import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.diag.Severity;
import dev.berth.translate.ShellCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what {@link SavedPlanWriter} wrote; anything else is {@link SavedPlan.Invalid}, saying what is wrong. */
final class SavedPlanReader {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SavedPlanReader() {
    }

    static boolean looksSaved(byte[] start) {
        String text = new String(start, 0, Math.min(start.length, 256), StandardCharsets.UTF_8).stripLeading();
        return text.startsWith("{") && text.replace(" ", "").contains("\"format\":\"" + SavedPlan.FORMAT + "\"");
    }

    static SavedPlan read(byte[] bytes) throws SavedPlan.Invalid {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new SavedPlan.Invalid("it is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !SavedPlan.FORMAT.equals(optionalString(root, "format"))) {
            throw new SavedPlan.Invalid("it is not a plan saved by berth plan -o (no \"format\": \"" + SavedPlan.FORMAT + "\")");
        }
        JsonNode version = root.get("format_version");
        if (version == null || !version.isIntegralNumber()) {
            throw new SavedPlan.Invalid("format_version is missing");
        }
        if (version.intValue() > SavedPlan.FORMAT_VERSION) {
            throw new SavedPlan.Invalid("it is format_version " + version.intValue() + ", from a newer berth; this one reads "
                    + SavedPlan.FORMAT_VERSION);
        }
        List<Change> changes = new ArrayList<>();
        for (JsonNode change : array(root, "changes")) {
            changes.add(change(change));
        }
        List<SystemAction> actions = new ArrayList<>();
        for (JsonNode action : array(root, "actions")) {
            actions.add(action(action));
        }
        List<Diagnostic> warnings = new ArrayList<>();
        for (JsonNode warning : array(root, "warnings")) {
            warnings.add(warning(warning));
        }
        JsonNode live = root.get("live");
        if (live == null || !live.isBoolean()) {
            throw new SavedPlan.Invalid("live is missing");
        }
        Plan plan = new Plan(Path.of(string(root, "root")), live.booleanValue(), changes, strings(root, "adopted"), actions,
                strings(root, "action_notes"), strings(root, "host_facts"), warnings,
                manifest(root, "manifest_before"), manifest(root, "manifest_after"));
        return new SavedPlan(plan, string(root, "build"));
    }

    private static Change change(JsonNode node) throws SavedPlan.Invalid {
        String word = string(node, "action");
        Action action = null;
        for (Action a : Action.values()) {
            if (a.word().equals(word)) {
                action = a;
            }
        }
        if (action == null) {
            throw new SavedPlan.Invalid("a change's action is " + word + ", not create, update or delete");
        }
        String path = string(node, "path");
        try {
            return new Change(action, path, state(node.get("before")), state(node.get("after")), string(node, "origin"));
        } catch (IllegalArgumentException e) {
            throw new SavedPlan.Invalid(e.getMessage());
        }
    }

    private static Optional<FileState> state(JsonNode node) throws SavedPlan.Invalid {
        if (node == null) {
            return Optional.empty();
        }
        String kind = string(node, "kind");
        if (kind.equals("symlink")) {
            return Optional.of(new FileState.Link(string(node, "target")));
        }
        if (!kind.equals("file")) {
            throw new SavedPlan.Invalid("a state's kind is " + kind + ", not file or symlink");
        }
        String mode = string(node, "mode");
        if (!mode.matches("0[0-7]{3}")) {
            throw new SavedPlan.Invalid("a file's mode is " + mode + ", not four octal digits");
        }
        String sha256 = string(node, "sha256");
        Optional<String> content = Optional.ofNullable(optionalString(node, "content"));
        if (content.isPresent() && !FileState.Regular.of(content.get(), 0).sha256().equals(sha256)) {
            throw new SavedPlan.Invalid("the content given for a file does not have its sha256 " + sha256);
        }
        return Optional.of(new FileState.Regular(sha256, Integer.parseInt(mode, 8), content));
    }

    private static SystemAction action(JsonNode node) throws SavedPlan.Invalid {
        List<String> argv = strings(node, "command");
        if (argv.isEmpty()) {
            throw new SavedPlan.Invalid("an action has no command");
        }
        try {
            return new SystemAction(SystemAction.Phase.valueOf(string(node, "phase").toUpperCase(Locale.ROOT).replace('-', '_')),
                    SystemAction.Kind.valueOf(string(node, "kind").toUpperCase(Locale.ROOT)), new ShellCommand(argv),
                    string(node, "why"));
        } catch (IllegalArgumentException e) {
            throw new SavedPlan.Invalid("an action's phase or kind is unknown: " + e.getMessage());
        }
    }

    private static Diagnostic warning(JsonNode node) throws SavedPlan.Invalid {
        String name = string(node, "code");
        try {
            Code code = Code.valueOf(name);
            if (code.severity() != Severity.WARNING) {
                throw new SavedPlan.Invalid("a warning's code " + name + " is not a warning's");
            }
            return Diagnostic.warning(code, string(node, "path"), string(node, "summary"), string(node, "hint"));
        } catch (IllegalArgumentException e) {
            throw new SavedPlan.Invalid("a warning's code " + name + " is unknown");
        }
    }

    private static Manifest manifest(JsonNode root, String name) throws SavedPlan.Invalid {
        try {
            return Manifest.parse(string(root, name));
        } catch (Manifest.Invalid e) {
            throw new SavedPlan.Invalid(name + ": " + e.getMessage());
        }
    }

    private static List<JsonNode> array(JsonNode node, String name) throws SavedPlan.Invalid {
        JsonNode array = node.get(name);
        if (array == null || !array.isArray()) {
            throw new SavedPlan.Invalid(name + " is missing or not a list");
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<String> strings(JsonNode node, String name) throws SavedPlan.Invalid {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(node, name)) {
            if (!value.isString()) {
                throw new SavedPlan.Invalid(name + " holds something other than text");
            }
            values.add(value.stringValue());
        }
        return values;
    }

    private static String string(JsonNode node, String name) throws SavedPlan.Invalid {
        String value = optionalString(node, name);
        if (value == null) {
            throw new SavedPlan.Invalid(name + " is missing or not text");
        }
        return value;
    }

    private static String optionalString(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
