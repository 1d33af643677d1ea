package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** A run of one verb builds only that verb, and behaves as it does in the whole tree. */
class VerbTableTest {
    @Test
    void eachVerbIsNamedAsItsCommandNamesItself() {
        for (Map.Entry<String, Class<?>> verb : Main.VERBS.entrySet()) {
            assertEquals(verb.getKey(), verb.getValue().getAnnotation(Command.class).name());
        }
    }

    @Test
    void aVerbFirstBuildsThatVerbAlone() {
        Environment environment = Environment.captured();
        assertEquals(Set.of("compile"), Main.commandLine(environment, "compile", "berth.yaml", "-o", "out").getSubcommands().keySet());
        assertEquals(Main.VERBS.keySet(), Main.commandLine(environment, "help", "compile").getSubcommands().keySet());
        assertEquals(Main.VERBS.keySet(), Main.commandLine(environment, "--help", "compile").getSubcommands().keySet());
        assertEquals(Main.VERBS.keySet(), Main.commandLine(environment, "compil").getSubcommands().keySet());
        assertEquals(Main.VERBS.keySet(), Main.commandLine(environment).getSubcommands().keySet());
    }

    @Test
    void mistakesReadTheSameWithOneVerb() {
        Cli bogus = Cli.run("compile", "--bogus", "berth.yaml", "-o", "out");
        assertEquals(1, bogus.status());
        assertTrue(bogus.err().contains("Unknown option: '--bogus'"), bogus.err());
        assertTrue(bogus.err().contains("Try 'berth compile --help' for more information."), bogus.err());

        Cli typo = Cli.run("compil", "berth.yaml");
        assertEquals(1, typo.status());
        assertTrue(typo.err().contains("compile"), "suggests the verb:\n" + typo.err());
    }
}
