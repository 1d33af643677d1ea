package dev.berth.check;

import dev.berth.check.suggest.CommandWords;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostics;
import dev.berth.unit.ValueRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Commands (exec, and Exec* lists in the escape hatch): a program and its arguments that reach the unit file
 * safely, one item per argument, and no shell syntax that only a shell would act on.
 */
final class CommandChecks {
    /** find's actions that take a command ended by a literal ';' argument. */
    private static final Set<String> FIND_ACTIONS = Set.of("-exec", "-execdir", "-ok", "-okdir");

    private CommandChecks() {
    }

    /**
     * @param key  the key the command is written under, for hints: exec, ExecStartPre ...
     * @param path the config path of the list
     */
    static void check(List<String> command, String key, String path, Diagnostics diagnostics) {
        if (command.isEmpty()) {
            return;
        }
        String program = command.get(0);
        List<String> arguments = command.subList(1, command.size());
        if (!inOneItem(program, arguments, key, path, diagnostics)) {
            Values.report(ValueRules.execProgram(program), path + "/0", diagnostics);
            shellOperator(command, key, path, diagnostics);
        }
        for (int i = 1; i < command.size(); i++) {
            Values.report(ValueRules.execArgument(command.get(i)), path + "/" + i, diagnostics);
        }
    }

    /**
     * The program written with its arguments in one item, as a shell line: reported with the list meant.
     * Only when the line's first word is a program berth accepts; otherwise the program's own problem is the one
     * to fix first.
     */
    private static boolean inOneItem(String program, List<String> arguments, String key, String path, Diagnostics diagnostics) {
        if (program.chars().noneMatch(Character::isWhitespace)) {
            return false;
        }
        CommandWords.Split split = CommandWords.split(program);
        if (split.words().isEmpty() || ValueRules.execProgram(split.words().get(0)).isPresent()) {
            return false;
        }
        List<String> words = new ArrayList<>(split.words());
        words.addAll(arguments);
        boolean shell = split.shellSyntax() || arguments.stream().anyMatch(CommandWords::isShellOperator);
        Optional<String> line = shell
                ? Optional.of(program.strip() + (arguments.isEmpty() ? "" : " " + CommandWords.shellLine(arguments)))
                : Optional.empty();
        diagnostics.error(Code.V010, path + "/0", "'" + program + "' is a program and its arguments in one item",
                CommandWords.suggestion(key, words, line));
        return true;
    }

    /** The first argument a shell would read as an operator: passed literally, which is seldom what was meant. */
    private static void shellOperator(List<String> command, String key, String path, Diagnostics diagnostics) {
        boolean inFindCommand = false;
        for (int i = 1; i < command.size(); i++) {
            String argument = command.get(i);
            if (FIND_ACTIONS.contains(argument)) {
                inFindCommand = true;
            } else if (inFindCommand && argument.equals(";")) {
                inFindCommand = false; // find's own terminator, meant literally
            } else if (CommandWords.isShellOperator(argument)) {
                String meaning = CommandWords.operatorMeaning(argument);
                diagnostics.warning(Code.V011, path + "/" + i, "no shell runs the command, so '" + argument + "' makes no "
                                + meaning.substring(meaning.indexOf(' ') + 1) + ": " + command.get(0) + " gets it as an argument",
                        "if " + meaning + " was meant, run a shell: " + key + ": "
                                + CommandWords.shellForm(CommandWords.shellLine(command)));
                return;
            }
        }
    }
}
