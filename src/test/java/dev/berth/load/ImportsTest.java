package dev.berth.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.Berth;
import dev.berth.ConfigIdentity;
import dev.berth.Result;
import dev.berth.diag.Code;
import dev.berth.diag.Diagnostic;
import dev.berth.model.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host files that import shared definitions: merged as if written in the host file, mistakes shown where they are. */
class ImportsTest {
    private static final String SITES = """
            berth: 1
            templates:
              site:
                root-parent: /srv
                ports: {http: {listen: 80}}
                services: {httpd: {port: http, exec: [/usr/sbin/httpd]}}
            host:
              drop-ins:
                systemd-journald.service:
                  quota.conf: {limits: {memory-max: 64M}}
            """;
    private static final String HOST = """
            berth: 1
            import: [../common/sites.yaml]
            containers:
              web: {template: site}
            """;

    @TempDir
    Path dir;

    private Source write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return new Source(file.toString(), text);
    }

    private Result<Config> validate(String host) throws IOException {
        return Berth.validate(write("hosts/web.yaml", host));
    }

    private static Diagnostic only(Result<?> result) {
        assertEquals(1, result.diagnostics().all().size(), () -> "one diagnostic: " + result.diagnostics().all());
        return result.diagnostics().all().get(0);
    }

    private String at(String file, int line, int column) {
        return dir.resolve(file) + ":" + line + ":" + column;
    }

    @Test
    void templatesAndHostDropInsOfAnImportAreTheConfigs() throws IOException {
        write("common/sites.yaml", SITES);
        Result<Config> result = validate(HOST);
        assertEquals(List.of(), result.diagnostics().all());
        Config config = result.value().orElseThrow();
        assertEquals("/srv/web", config.containers().get(0).root());
        assertEquals(1, config.hostDropIns().size());
    }

    @Test
    void aMistakeInAnImportedTemplatePointsIntoThatFile() throws IOException {
        write("common/sites.yaml", SITES.replace("root-parent: /srv", "root-parent: /srv\n    rooot: /x"));
        Diagnostic d = only(validate(HOST));
        assertEquals(Code.S002, d.code());
        assertEquals("/templates/site/rooot", d.path());
        assertEquals(at("common/sites.yaml", 5, 5), d.position().orElseThrow().toString());
    }

    @Test
    void aMistakeInTheHostFileStillPointsIntoIt() throws IOException {
        write("common/sites.yaml", SITES);
        Diagnostic d = only(validate(HOST.replace("{template: site}", "{template: stie}")));
        assertEquals(Code.R001, d.code());
        assertEquals(at("hosts/web.yaml", 4, 19), d.position().orElseThrow().toString());
    }

    @Test
    void aMissingFileIsReportedAtTheImport() throws IOException {
        Diagnostic d = only(validate(HOST));
        assertEquals(Code.R002, d.code());
        assertEquals(at("hosts/web.yaml", 2, 10), d.position().orElseThrow().toString());
        assertTrue(d.summary().contains("no such file"), d.summary());
    }

    @Test
    void anAbsolutePathIsRefused() throws IOException {
        Diagnostic d = only(validate(HOST.replace("../common/sites.yaml", "/etc/berth/sites.yaml")));
        assertEquals(Code.R002, d.code());
    }

    @Test
    void aCycleIsReportedWhereItCloses() throws IOException {
        write("common/sites.yaml", "import: [more.yaml]\n" + SITES.replace("berth: 1\n", ""));
        write("common/more.yaml", "import: [sites.yaml]\n");
        Diagnostic d = only(validate(HOST));
        assertEquals(Code.R003, d.code());
        assertEquals(at("common/more.yaml", 1, 10), d.position().orElseThrow().toString());
    }

    @Test
    void aSharedFileImportingTheHostFileIsACycle() throws IOException {
        write("common/sites.yaml", "import: [../hosts/./web.yaml]\n" + SITES.replace("berth: 1\n", ""));
        Diagnostic d = only(validate(HOST));
        assertEquals(Code.R003, d.code());
        assertEquals(at("common/sites.yaml", 1, 10), d.position().orElseThrow().toString());
    }

    @Test
    void aFileImportedTwiceThroughTwoOthersIsReadOnce() throws IOException {
        write("common/sites.yaml", SITES);
        write("common/a.yaml", "import: [sites.yaml]\n");
        write("common/b.yaml", "import: [sites.yaml]\n");
        Result<Config> result = validate(HOST.replace("[../common/sites.yaml]", "[../common/a.yaml, ../common/b.yaml]"));
        assertEquals(List.of(), result.diagnostics().all());
    }

    @Test
    void aTemplateDefinedTwiceNamesBothPlaces() throws IOException {
        write("common/sites.yaml", SITES);
        Diagnostic d = only(validate(HOST + "templates:\n  site: {root-parent: /srv}\n"));
        assertEquals(Code.R004, d.code());
        assertEquals(at("hosts/web.yaml", 6, 3), d.position().orElseThrow().toString());
        assertTrue(d.summary().contains(at("common/sites.yaml", 3, 3)), d.summary());
    }

    @Test
    void aHostDropInDefinedTwiceNamesBothPlaces() throws IOException {
        write("common/sites.yaml", SITES);
        write("common/other.yaml", "host:\n  drop-ins:\n    systemd-journald.service:\n      quota.conf: {limits: {memory-max: 32M}}\n");
        Diagnostic d = only(validate(HOST.replace("[../common/sites.yaml]", "[../common/sites.yaml, ../common/other.yaml]")));
        assertEquals(Code.R004, d.code());
        assertEquals(at("common/other.yaml", 4, 7), d.position().orElseThrow().toString());
        assertTrue(d.summary().contains(at("common/sites.yaml", 10, 7)), d.summary());
    }

    @Test
    void containersCannotBeImported() throws IOException {
        write("common/sites.yaml", SITES + "containers:\n  other: {template: site}\n");
        Diagnostic d = only(validate(HOST));
        assertEquals(Code.R005, d.code());
        assertEquals(at("common/sites.yaml", 11, 1), d.position().orElseThrow().toString());
    }

    @Test
    void theIdentityCoversEveryImportedFile() throws IOException {
        assumeTrue(ConfigIdentity.of(new Source("x.yaml", "")).isPresent(), "classes built without their identity");
        write("common/sites.yaml", SITES);
        Source host = write("hosts/web.yaml", HOST);
        String before = ConfigIdentity.of(host).orElseThrow();
        assertEquals(before, ConfigIdentity.of(host).orElseThrow());
        write("common/sites.yaml", SITES.replace("listen: 80", "listen: 8080"));
        assertNotEquals(before, ConfigIdentity.of(host).orElseThrow());
    }
}
