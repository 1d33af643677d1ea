package dev.berth.apply;

import dev.berth.plan.AppliedConfig;
import dev.berth.plan.Desired;
import dev.berth.plan.FileState;
import dev.berth.plan.Manifest;
import dev.berth.plan.Observation;
import dev.berth.plan.RootReader;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a root held as one of its generations, as a tree to plan like a compiled config: each file's content is
 * taken from its path when it still holds it, else from the generation that replaced it. A rollback is then an
 * ordinary plan and apply, and a generation of its own.
 */
public final class GenerationTree {
    private GenerationTree() {
    }

    /** Why a generation cannot be returned to: not kept, or a content no generation keeps. */
    public static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;

        Missing(String message) {
            super(message);
        }
    }

    /**
     * The tree and guests of generation {@code number}, or of the one before the last when empty.
     *
     * @throws IOException when the record or a kept content cannot be read
     */
    public static Desired of(RootReader files, Optional<Integer> number) throws IOException, Missing {
        List<Generations.Generation> kept = Generations.list(files);
        List<Generations.Generation> all = kept.stream().filter(Generations.Generation::complete).toList();
        if (number.isEmpty() && all.size() < 2) {
            throw new Missing(all.isEmpty() ? "the root has no generations: no apply has changed it since berth keeps them"
                    : "the root has one generation only, the current one");
        }
        int wanted = number.orElseGet(() -> all.get(all.size() - 2).number());
        Generations.Generation generation = all.stream().filter(g -> g.number() == wanted).findFirst()
                .orElseThrow(() -> new Missing("generation " + wanted + " is not kept (kept: " + numbers(all) + ")"));
        FileTree.Builder tree = FileTree.builder();
        for (Map.Entry<String, FileState> entry : generation.manifest().files().entrySet()) {
            String path = entry.getKey();
            if (entry.getValue() instanceof FileState.Link link) {
                tree.put(path, new FileNode.Symlink(link.target(), ""));
            } else {
                FileState.Regular regular = (FileState.Regular) entry.getValue();
                byte[] content = content(files, path, regular, kept).orElseThrow(() -> new Missing("the content "
                        + regular.sha256() + " of " + path + " in generation " + wanted + " is kept nowhere"));
                tree.put(path, new FileNode.RegularFile(new String(content, StandardCharsets.UTF_8), regular.mode(), ""));
            }
        }
        Optional<AppliedConfig> config = generation.manifest().config();
        Desired desired = new Desired(tree.build(), config.map(AppliedConfig::guests).orElse(List.of()));
        return config.map(c -> desired.withDigest(c.digest())).orElse(desired);
    }

    private static Optional<byte[]> content(RootReader files, String path, FileState.Regular wanted,
                                            List<Generations.Generation> all) throws IOException {
        if (files.look(path) instanceof Observation.Present present && present.state() instanceof FileState.Regular now
                && now.sameContent(wanted)) {
            Optional<byte[]> bytes = files.readBytes(path, Manifest.MAX_BYTES);
            if (bytes.isPresent() && FileState.Regular.of(new String(bytes.get(), StandardCharsets.UTF_8), 0).sameContent(wanted)) {
                return bytes;
            }
        }
        for (Generations.Generation g : all) {
            if (g.kept().contains(wanted.sha256())) {
                Optional<byte[]> bytes = files.readBytes(Generations.kept(g.number(), wanted.sha256()), Manifest.MAX_BYTES);
                if (bytes.isPresent()) {
                    return bytes;
                }
            }
        }
        return Optional.empty();
    }

    private static String numbers(List<Generations.Generation> all) {
        return all.isEmpty() ? "none" : String.join(", ", all.stream().map(g -> String.valueOf(g.number())).toList());
    }
}
