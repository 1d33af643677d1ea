package dev.berth.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.apply.Generations.Generation;
import dev.berth.plan.Manifest;
import dev.berth.status.HostStatus.ContainerStatus;
import dev.berth.status.HostStatus.Files;
import dev.berth.status.HostStatus.FilesState;
import dev.berth.status.HostStatus.SocketStatus;
import dev.berth.status.HostStatus.UnitStatus;
import dev.berth.testing.Cases;
import dev.berth.probe.ProbeRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What docs/cli.md and docs/status-json.md show of berth status is what the views print for the same status. */
class StatusViewsTest {
    private static final String A = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";
    private static final String B = "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d";

    /** The book's container, running, and a web container with idle-stop, stopped, one of its files edited. */
    static HostStatus sample() {
        ContainerStatus book = new ContainerStatus("mycontainer",
                List.of(new SocketStatus("mycontainer.socket", true, List.of("[::]:23 (Stream)"), true, "active (running)",
                        OptionalLong.of(3), OptionalLong.of(1))),
                new UnitStatus("mycontainer.service", "active (running)", true, Optional.of("Sun 2026-12-06 03:46:09 UTC"),
                        OptionalLong.of(19087360)),
                Optional.empty(), new Files(FilesState.AS_APPLIED, 7, List.of()));
        ContainerStatus web = new ContainerStatus("web",
                List.of(new SocketStatus("web.socket", false, List.of("/run/berth/web/http.sock (Stream)"), true,
                                "active (listening)", OptionalLong.of(0), OptionalLong.of(0)),
                        new SocketStatus("web-proxy-http.socket", true, List.of("[::]:8080 (Stream)"), true,
                                "active (listening)", OptionalLong.of(0), OptionalLong.of(0))),
                new UnitStatus("web.service", "inactive (dead)", false, Optional.empty(), OptionalLong.empty()),
                Optional.of("5min"), new Files(FilesState.CHANGED, 9, List.of("srv/web/etc/nginx.conf")));
        // 7 is a rollback to 5: it removes the file 6 added and changes back the one 6 changed
        List<Generation> kept = List.of(generation(5, "2026-12-04T18:02:11Z", A, 0, 2, 0),
                generation(6, "2026-12-05T09:30:47Z", B, 1, 1, 0), generation(7, "2026-12-06T05:50:00Z", A, 0, 1, 1));
        ProbeRecord probed = new ProbeRecord("mycontainer", "ssh", "127.0.0.1:23", "banner", true, 1312,
                "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3", "2026-12-06T05:50:03Z", "apply");
        return new HostStatus(Path.of("/"), true, true, Optional.of(true), List.of(book, web),
                new GenerationsStatus(kept, OptionalInt.empty(), Optional.empty()),
                new ProbesStatus(List.of(probed), Optional.empty()));
    }

    /** The views of the sample, as the docs show them (run with -Dberth.printViews=true). */
    @Test
    void printsTheSampleWhenAsked() {
        if (Boolean.getBoolean("berth.printViews")) {
            System.out.println(new StatusTextView().render(sample(), "berth.yaml"));
            System.out.println(new StatusJsonView().render(sample(), "berth.yaml"));
        }
    }

    private static Generation generation(int number, String time, String config, long added, long changed, long destroyed) {
        return new Generation(number, time, Optional.of(config), added, changed, destroyed, List.of(), Manifest.empty(), true);
    }

    @Test
    void theTextInTheDocsIsWhatTheViewPrints() throws IOException {
        assertEquals(block("docs/cli.md", "```text\nStatus of "), new StatusTextView().render(sample(), "berth.yaml"));
    }

    @Test
    void theJsonInTheDocsIsWhatTheViewPrints() throws IOException {
        assertEquals(block("docs/status-json.md", "```json\n{\"format_version\""), new StatusJsonView().render(sample(), "berth.yaml"));
    }

    @Test
    void theGenerationsLineSaysWhatIsKeptWhereARollbackGoesAndWhatIsPending() {
        Generation first = generation(1, "2026-12-01T10:00:00Z", A, 7, 0, 0);
        Generation second = generation(2, "2026-12-02T10:00:00Z", B, 0, 1, 0);
        assertEquals("No generations: no apply has changed this root.", line(List.of(), OptionalInt.empty()));
        assertEquals("No generations: an apply was cut off: generation 1 is pending; apply again.",
                line(List.of(), OptionalInt.of(1)));
        assertEquals("Generation 1 of 1 (2026-12-01T10:00:00Z), 1 kept: 1; berth rollback has none before it to return to.",
                line(List.of(first), OptionalInt.empty()));
        assertEquals("Generation 2 of 2 (2026-12-02T10:00:00Z), 2 kept: 1 2; berth rollback returns to 1. An apply was cut "
                + "off: generation 3 is pending; apply again.", line(List.of(first, second), OptionalInt.of(3)));
        assertEquals("The generations cannot be read: var/lib/berth/generations.json is not as berth writes it: its "
                + "format_version is not 1; berth apply says how to go on.", StatusTextView.generations(new GenerationsStatus(
                List.of(), OptionalInt.empty(), Optional.of("var/lib/berth/generations.json is not as berth writes it: "
                + "its format_version is not 1"))));
    }

    private static String line(List<Generation> kept, OptionalInt pending) {
        return StatusTextView.generations(new GenerationsStatus(kept, pending, Optional.empty()));
    }

    @Test
    void theJsonHasNoCurrentGenerationWhenNoneIsKeptAndSaysWhyTheRecordCannotBeRead() {
        JsonNode none = generationsJson(new GenerationsStatus(List.of(), OptionalInt.of(4), Optional.empty()));
        assertTrue(none.get("current").isNull());
        assertEquals(0, none.get("kept").size());
        assertEquals(4, none.get("pending").intValue());
        assertTrue(none.get("error").isNull());

        JsonNode unreadable = generationsJson(new GenerationsStatus(List.of(), OptionalInt.empty(), Optional.of("why")));
        assertTrue(unreadable.get("current").isNull());
        assertTrue(unreadable.get("pending").isNull());
        assertEquals("why", unreadable.get("error").stringValue());
    }

    private static JsonNode generationsJson(GenerationsStatus generations) {
        HostStatus sample = sample();
        HostStatus status = new HostStatus(sample.root(), sample.live(), sample.applied(), sample.sameConfig(),
                sample.containers(), generations);
        return JsonMapper.builder().build().readTree(new StatusJsonView().render(status, "berth.yaml")).get("generations");
    }

    @Test
    void memoryReadsAsSystemdShowsIt() {
        assertEquals("512B", StatusTextView.memory(512));
        assertEquals("18.2M", StatusTextView.memory(19087360));
        assertEquals("1.0G", StatusTextView.memory(1L << 30));
    }

    /** The fenced block that starts with {@code start} (its fence line and first characters), without the fences. */
    private static String block(String page, String start) throws IOException {
        String text = java.nio.file.Files.readString(Cases.ROOT.resolve(page));
        int from = text.indexOf(start);
        int body = text.indexOf('\n', from) + 1;
        return text.substring(body, text.indexOf("```\n", body));
    }
}
