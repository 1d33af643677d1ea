package dev.berth.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Berth;
import dev.berth.load.Source;
import dev.berth.render.Renderer;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A large config is translated and rendered on several threads; what comes out must be what its containers give
 * one at a time, in the config's order: each container's files exactly as when it is alone, and the notes of all
 * of them in turn. Not a timing test: the benchmarks in bench/ measure time.
 */
class LargeConfigTest {
    private static final int CONTAINERS = 400; // above every threshold for working on several threads

    private static String container(int i) {
        String name = String.format("c%03d", (i * 7919) % 1000); // not in name order: the config's order must win
        return """
                  NAME:
                    description: Container NAME
                    root: /srv/NAME
                    guest: {os: debian, release: bookworm}
                    mask: [ssh.service]
                    ports:
                      ssh: {listen: "10.0.ADDRESS:22"}
                      http: {listen: "10.0.ADDRESS:80"}
                    services:
                      sshd: {port: ssh, per-connection: true, exec: [/usr/sbin/sshd, -i], runtime-directory: sshd}
                      web: {port: http, exec: [/usr/sbin/lighttpd, -D], restart: on-failure}
                    drop-ins:
                      web.service:
                        limits.conf: {limits: {memory-max: 256M}}
                """.replace("NAME", name).replace("ADDRESS", i / 200 + "." + (i % 200 + 1));
    }

    private static FileTree compile(List<String> containers) {
        var result = Berth.compile(new Source("berth.yaml", "berth: 1\ncontainers:\n" + String.join("", containers)));
        return result.value().orElseThrow(() -> new AssertionError(result.diagnostics().all()));
    }

    @Test
    void aLargeConfigCompilesToWhatItsContainersCompileToOneByOne() {
        List<String> containers = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            containers.add(container(i));
        }
        FileTree all = compile(containers);
        Map<String, FileNode> expected = new TreeMap<>();
        StringBuilder notes = new StringBuilder();
        for (String c : containers) {
            FileTree alone = compile(List.of(c));
            alone.entries().forEach((path, node) -> {
                if (!path.equals(Renderer.NOTES_PATH)) {
                    assertEquals(null, expected.put(path, node), path);
                }
            });
            String text = ((FileNode.RegularFile) alone.entries().get(Renderer.NOTES_PATH)).content();
            notes.append(text, text.indexOf("## Container "), text.length());
        }
        Map<String, FileNode> actual = new TreeMap<>(all.entries());
        String allNotes = ((FileNode.RegularFile) actual.remove(Renderer.NOTES_PATH)).content();
        assertEquals(expected, actual);
        assertTrue(allNotes.endsWith(notes.toString()), "each container's notes, in the config's order");
    }
}
