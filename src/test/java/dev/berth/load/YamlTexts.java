package dev.berth.load;

import dev.berth.property.ConfigGenerator;
import dev.berth.testing.Cases;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Texts the loader's fast ways are compared on: every case, generated configs, and mutated ones. */
final class YamlTexts {
    private YamlTexts() {
    }

    /** Every example and golden case, then the generated configs of seeds 0 to {@code seeds - 1}. */
    static List<String> casesAndGenerated(int seeds) {
        List<String> texts = new ArrayList<>();
        Cases.all().forEach(c -> texts.add(c.text()));
        for (long seed = 0; seed < seeds; seed++) {
            texts.add(new ConfigGenerator(seed).generate());
        }
        return texts;
    }

    /** The generated config of {@code seed} with one to three of the pieces inserted at random places. */
    static String mutated(Random random, long seed, List<String> pieces) {
        return mutated(random, new ConfigGenerator(seed).generate(), pieces);
    }

    /** The text with one to three of the pieces inserted at random places. */
    static String mutated(Random random, String original, List<String> pieces) {
        List<String> lines = new ArrayList<>(List.of(original.split("\n", -1)));
        for (int change = 0, changes = 1 + random.nextInt(3); change < changes; change++) {
            int line = random.nextInt(lines.size());
            String text = lines.get(line);
            int at = random.nextInt(text.length() + 1);
            lines.set(line, text.substring(0, at) + pieces.get(random.nextInt(pieces.size())) + text.substring(at));
        }
        return String.join("\n", lines);
    }
}
