package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The help texts the build stores are exactly what picocli prints for every help request, plain and coloured. */
class HelpTextsTest {
    static Stream<Arguments> requests() {
        return HelpTexts.requests(HelpAndExitCodesTest.verbs()).entrySet().stream()
                .flatMap(r -> Stream.of(false, true).map(color -> Arguments.of(r.getKey(), r.getValue(), color)));
    }

    @ParameterizedTest(name = "berth {0} (color: {2})")
    @MethodSource("requests")
    void theStoredTextIsWhatPicocliPrints(List<String> args, String topic, boolean color) {
        String[] argv = args.toArray(String[]::new);
        assertEquals(Optional.of(topic), HelpTexts.topic(argv));
        Optional<String> stored = HelpTexts.stored(argv, color);
        assertTrue(stored.isPresent(), "the build stores " + HelpTexts.resource(topic, color) + " (mvn process-classes)");

        Cli live = Cli.runWithoutStoredHelp(HelpTexts.environment(color), argv);
        assertEquals(0, live.status(), live.toString());
        assertEquals(live.out(), stored.get());
        assertEquals(stored.get(), Cli.run(HelpTexts.environment(color), argv).out());
    }

    @Test
    void colouredTextOnlyForATerminalThatTakesColours() {
        Cli terminal = Cli.run(HelpTexts.environment(true), "--help");
        assertTrue(terminal.out().contains("\u001B["), terminal.out());
        Cli noColor = Cli.run(new Environment(Map.of("TERM", "xterm", "NO_COLOR", "1"), true, true), "--help");
        assertFalse(noColor.out().contains("\u001B["), noColor.out());
        assertEquals(Cli.run("--help").out(), noColor.out());
    }

    @Test
    void versionIsWhatPicocliPrints() {
        for (String option : List.of("-V", "--version")) {
            Cli live = Cli.runWithoutStoredHelp(Environment.captured(), option);
            assertEquals(0, live.status(), live.toString());
            assertEquals(live.out(), VersionProvider.printed(new String[] {option}).orElseThrow());
            assertEquals(live.out(), Cli.run(option).out());
        }
        assertEquals(Optional.empty(), VersionProvider.printed(new String[] {"-V", "x"}));
    }

    @Test
    void otherRequestsGoThroughPicocli() {
        for (String[] args : List.of(new String[] {"compile"}, new String[] {"help", "frobnicate", "x"},
                new String[] {"--help", "compile"}, new String[] {"help", "../etc"}, new String[] {"Compile", "-h"},
                new String[] {"validate", "-h", "x.yaml"}, new String[] {"-V"})) {
            assertEquals(Optional.empty(), HelpTexts.topic(args), String.join(" ", args));
        }
        Cli unknown = Cli.run("help", "frobnicate");
        assertEquals(Optional.empty(), HelpTexts.stored(new String[] {"help", "frobnicate"}, false));
        assertTrue(unknown.err().contains("frobnicate"), unknown.toString());
    }
}
