package dev.berth.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.Berth;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.load.Source;
import dev.berth.testing.Cases;
import dev.berth.testing.Cases.Case;
import dev.berth.tree.FileNode;
import dev.berth.tree.FileTree;
import dev.berth.unit.Entry;
import dev.berth.unit.Section;
import dev.berth.unit.UnitFile;
import dev.berth.unit.UnitKind;
import dev.berth.unit.UnitParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Whatever directive berth writes into a service or drop-in of an example, the escape hatch of the object that unit
 * comes from refuses: set there, it would contradict berth's own line or bypass its key's checks. The directives
 * are read from the compiled examples, not from a list.
 */
class ModelledDirectivesTest {
    static List<Case> examples() {
        return Cases.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyDirectiveBerthWritesIsRefusedInSettings(Case example) {
        FileTree tree = Berth.compile(new Source("berth.yaml", example.text())).value().orElseThrow();
        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<String, FileNode> e : tree.entries().entrySet()) {
            String path = e.getKey();
            boolean service = path.endsWith(".service");
            boolean dropIn = path.endsWith(".conf") && path.substring(0, path.lastIndexOf('/')).endsWith(".d");
            if (!(e.getValue() instanceof FileNode.RegularFile file) || !(service || dropIn) || !hasSettings(file.origin())) {
                continue;
            }
            UnitFile unit = UnitParser.parse(path, service ? UnitKind.SERVICE : UnitKind.DROPIN, file.content());
            for (Section section : unit.sections()) {
                for (Entry entry : section.entries()) {
                    if (setBySettings(example.text(), file.origin(), section.name(), entry.key())) {
                        continue; // the escape hatch's own line
                    }
                    tried++;
                    String settings = file.origin() + "/settings/" + section.name() + "/" + entry.key();
                    List<Diagnostic> found = Berth.validate(new Source("berth.yaml",
                            withSetting(example.text(), file.origin(), section.name(), entry.key()))).diagnostics().all();
                    if (found.stream().noneMatch(d -> d.code() == Code.H001 && d.path().equals(settings))) {
                        accepted.add(path + ": " + section.name() + "." + entry.key() + " (" + found + ")");
                    }
                }
            }
        }
        assertFalse(tried == 0, "no directive tried");
        assertEquals(List.of(), accepted, "settings that override a line berth writes");
    }

    /** Containers, guest services and drop-ins have settings; proxies and sockets come from ports. */
    private static boolean hasSettings(String origin) {
        return origin.matches("/containers/[^/]+(/services/[^/]+|/drop-ins/[^/]+/[^/]+)?") || origin.matches("/drop-ins/[^/]+/[^/]+");
    }

    private static boolean setBySettings(String text, String origin, String section, String key) {
        Object lines = settings(load(text), origin).get(section);
        return lines instanceof Map<?, ?> map && map.containsKey(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String text) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(Map<String, Object> config, String origin) {
        Map<String, Object> object = config;
        for (String part : origin.substring(1).split("/")) {
            object = (Map<String, Object>) object.get(part.replace("~1", "/").replace("~0", "~"));
        }
        return (Map<String, Object>) object.computeIfAbsent("settings", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static String withSetting(String text, String origin, String section, String key) {
        Map<String, Object> config = load(text);
        Map<String, Object> lines = (Map<String, Object>) settings(config, origin).computeIfAbsent(section, k -> new LinkedHashMap<>());
        lines.put(key, key.startsWith("Exec") ? List.of("/bin/true") : "yes");
        return new Dump(DumpSettings.builder().build()).dumpToString(config);
    }

    /** StandardOutput= is berth's only where it writes it: a service that takes its socket on standard input. */
    @Test
    void standardOutputIsFreeWhereBerthWritesNone() {
        String config = """
                berth: 1
                containers:
                  web:
                    root: /srv/web
                    mask: [ssh.service]
                    settings: {Service: {StandardOutput: journal+console}}
                    ports:
                      ssh: {listen: 2222}
                      dns: {listen: 53, type: datagram}
                    services:
                      sshd:
                        port: ssh
                        per-connection: true
                        exec: [/usr/sbin/sshd, -i]
                        runtime-directory: sshd
                        settings: {Service: {StandardOutput: socket}}
                      named:
                        port: dns
                        socket-on-stdin: true
                        exec: [/usr/sbin/named-inetd]
                        settings: {Service: {StandardOutput: journal+console}}
                """;
        List<Diagnostic> found = Berth.validate(new Source("berth.yaml", config)).diagnostics().all();
        assertEquals(List.of("H001 /containers/web/services/named/settings/Service/StandardOutput"),
                found.stream().map(d -> d.code() + " " + d.path()).toList(), found.toString());
    }
}
