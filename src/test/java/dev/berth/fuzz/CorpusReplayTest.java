package dev.berth.fuzz;

import dev.berth.testing.Cases;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fuzz targets' properties, on every example and golden input (the seed corpus fuzzing starts from). */
class CorpusReplayTest {
    static List<Cases.Case> seeds() {
        return Cases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void seedInputHoldsTheFuzzProperties(Cases.Case c) throws Exception {
        CompileTarget.check(Files.readAllBytes(c.input()));
    }
}
