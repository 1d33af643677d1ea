package dev.berth.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each printer on the same findings: what people, scripts, GitHub and SARIF readers get. */
class PrintersTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Diagnostics sample() {
        Diagnostics d = new Diagnostics();
        d.add(Diagnostic.error(Code.S002, "/containers/web/rooot", "unknown key 'rooot'", "did you mean 'root'?")
                .at(new Position("conf/berth.yaml", 4, 5, 5)));
        d.add(Diagnostic.warning(Code.C001, "/containers/web/services/sshd", "sshd needs /run/sshd", "")
                .at(new Position("conf/berth.yaml", 9, 7)));
        d.add(Diagnostic.error(Code.V001, "/containers/a:b,c/description", "100% broken\r\nUser=root\u001b[2J", "fix: it, now")
                .at(new Position("dir:1,2/ü x.yaml", 2, 3)));
        d.add(Diagnostic.error(Code.Y006, "", "cannot read missing.yaml: no such file", "check the path"));
        return d;
    }

    private static String print(DiagnosticPrinter printer, Diagnostics diagnostics) {
        StringWriter out = new StringWriter();
        printer.print(diagnostics, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void githubAnnotationsEscapeAsTheRunnerExpects() {
        List<String> lines = print(new GitHubPrinter(), sample()).lines().toList();
        assertEquals(List.of(
                "::error file=conf/berth.yaml,line=4,col=5,endColumn=10,title=berth S002::unknown key 'rooot' (did you mean 'root'?)",
                "::warning file=conf/berth.yaml,line=9,col=7,title=berth C001::sshd needs /run/sshd",
                "::error file=dir%3A1%2C2/ü x.yaml,line=2,col=3,title=berth V001::100%25 broken%0D%0AUser=root\\u001B[2J (fix: it, now)",
                "::error title=berth Y006::cannot read missing.yaml: no such file (check the path)"), lines);
    }

    @Test
    void sarifIsAValidLogWithTheCatalogueAsRules() {
        JsonNode log = JSON.readTree(print(new SarifPrinter("1.2.3"), sample()));
        assertEquals("2.1.0", log.path("version").asString());
        assertEquals(SarifPrinter.SCHEMA, log.path("$schema").asString());
        JsonNode run = log.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertEquals("berth", driver.path("name").asString());
        assertEquals("1.2.3", driver.path("version").asString());
        assertEquals(Code.values().length, driver.path("rules").size());
        for (Code code : Code.values()) {
            JsonNode rule = driver.path("rules").get(code.ordinal());
            assertEquals(code.id(), rule.path("id").asString());
            assertEquals(code.title(), rule.path("shortDescription").path("text").asString());
            assertEquals(code.explanation(), rule.path("fullDescription").path("text").asString());
            assertFalse(rule.has("helpUri"), "berth has no help pages to link");
            assertEquals(code.severity() == Severity.ERROR ? "error" : "warning", rule.path("defaultConfiguration").path("level").asString());
        }
        JsonNode results = run.path("results");
        assertEquals(4, results.size());
        for (JsonNode result : results) {
            String id = result.path("ruleId").asString();
            assertEquals(id, driver.path("rules").get(result.path("ruleIndex").asInt()).path("id").asString());
            assertTrue(Set.of("error", "warning", "note").contains(result.path("level").asString()));
            assertFalse(result.path("message").path("text").asString().isEmpty());
            assertTrue(result.path("properties").has("path"));
        }
        JsonNode s002 = results.get(0);
        assertEquals("S002", s002.path("ruleId").asString());
        assertEquals("/containers/web/rooot", s002.path("properties").path("path").asString());
        JsonNode location = s002.path("locations").get(0).path("physicalLocation");
        assertEquals("conf/berth.yaml", location.path("artifactLocation").path("uri").asString());
        assertEquals(4, location.path("region").path("startLine").asInt());
        assertEquals(5, location.path("region").path("startColumn").asInt());
        assertEquals(10, location.path("region").path("endColumn").asInt());
        assertEquals("warning", results.get(1).path("level").asString());
        assertEquals("dir%3A1%2C2/%C3%BC%20x.yaml", results.get(2).path("locations").get(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asString());
        assertFalse(results.get(3).has("locations"), "a finding without a position has no location");
    }

    @Test
    void sarifWithoutFindingsStillParses() {
        JsonNode log = JSON.readTree(print(new SarifPrinter(""), new Diagnostics()));
        assertEquals(0, log.path("runs").get(0).path("results").size());
        assertFalse(log.path("runs").get(0).path("tool").path("driver").has("version"));
    }

    @Test
    void sarifRuleNamesAreIdentifiers() {
        Set<String> names = new HashSet<>();
        for (Code code : Code.values()) {
            String name = SarifPrinter.ruleName(code);
            assertTrue(name.matches("[A-Z][A-Za-z0-9]*"), name);
            assertTrue(names.add(name), "rule name used twice: " + name);
        }
    }

    @Test
    void jsonParsesAndCounts() {
        JsonNode doc = JSON.readTree(print(new JsonPrinter(), sample()));
        assertEquals(3, doc.path("errors").asInt());
        assertEquals(1, doc.path("warnings").asInt());
        assertEquals(4, doc.path("diagnostics").size());
        assertEquals("100% broken\r\nUser=root\u001b[2J", doc.path("diagnostics").get(2).path("summary").asString());
    }

    @Test
    void jsonEscapesWhatUtf8CannotCarry() {
        Diagnostics d = new Diagnostics();
        d.add(Diagnostic.error(Code.N001, "/containers/a\uD800", "bad name 'a\uD800'", "").at(new Position("b.yaml", 3, 3)));
        String json = print(new JsonPrinter(), d);
        assertTrue(json.contains("/containers/a\\ud800"), json);
        assertEquals("/containers/a\uD800", JSON.readTree(json).path("diagnostics").get(0).path("path").asString());
    }

    @Test
    void humanOutputShowsTheLineAndACaretUnderTheNode() {
        Diagnostics d = new Diagnostics();
        d.add(Diagnostic.error(Code.S002, "/containers/web/rooot", "unknown key 'rooot'", "did you mean 'root'?")
                .at(new Position("berth.yaml", 2, 5, 5)));
        String text = print(new HumanPrinter(line -> line == 2 ? "    rooot: /srv/web" : "", false), d);
        assertEquals("""
                error[S002] at /containers/web/rooot: unknown key 'rooot'
                 --> berth.yaml:2:5
                  |
                2 |     rooot: /srv/web
                  |     ^^^^^
                  = hint: did you mean 'root'?

                1 error, 0 warnings
                """, text);
    }

    @Test
    void humanOutputCannotBeSteeredByControlCharactersInTheFile() {
        Diagnostics d = new Diagnostics();
        d.add(Diagnostic.error(Code.V001, "/containers/x\u001b[2J", "bad\nUser=root", "\u001b]0;title\u0007")
                .at(new Position("berth.yaml", 1, 4)));
        String text = print(new HumanPrinter(line -> "a:\t\u001b[2J\u2028", false), d);
        assertFalse(text.contains("\u001b"), text);
        assertFalse(text.contains("\u2028"), text);
        assertTrue(text.contains("error[V001] at /containers/x\\u001B[2J: bad\\nUser=root"), text);
        assertTrue(text.contains("1 | a: ?[2J?"), text);
    }
}
