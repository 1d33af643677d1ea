package dev.berth.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.status.HostStatus.ContainerStatus;
import dev.berth.status.HostStatus.Files;
import dev.berth.status.HostStatus.FilesState;
import dev.berth.status.HostStatus.SocketStatus;
import dev.berth.status.HostStatus.UnitStatus;
import dev.berth.testing.Cases;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What docs/cli.md and docs/status-json.md show of berth status is what the views print for the same status. */
class StatusViewsTest {
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
        return new HostStatus(Path.of("/"), true, true, Optional.of(true), List.of(book, web));
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
