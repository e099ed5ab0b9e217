package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** srcmstr's log where Linux admins look: the journal under systemd, syslog when configured, besides its file. */
class LoggingIT {

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    @Test
    void underSystemdTheLogGoesToStdoutWithJournalPrioritiesAndNoTimestamps() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            // as systemd does: stdout and stderr are one stream, named by JOURNAL_STREAM=DEVICE:INODE
            Path stdout = Files.createFile(src.root.resolve("srcmstr.stdout"));
            Map<String, Object> id = Files.readAttributes(stdout, "unix:dev,ino");
            Path conf = Files.createDirectories(src.root.resolve("etc/src")).resolve("srcmstr.conf");
            Files.writeString(conf, "watch.buffer.events=1024\n");
            Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-rw-rw-")); // a warning at start
            src.startSrcmstrUnder(
                    List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" 2>&1"),
                    Map.of(
                            "JOURNAL_STREAM",
                            id.get("dev") + ":" + id.get("ino"),
                            "INVOCATION_ID",
                            "5f0c3e2a9b1d4c7e8f6a0b1c2d3e4f50"));
            assertEquals(0, src.run("mkssys", "-s", "napper", "-p", "/bin/sleep", "-a", "1000", "-u", "0").status());
            var started = src.run("startsrc", "-s", "napper");
            assertEquals(0, started.status(), started.toString());

            SrcRoot.await(
                    Duration.ofSeconds(30),
                    () -> read(stdout).contains("startsrc target { subsystem: \"napper\" }"),
                    "the startsrc on stdout");
            String journal = read(stdout);
            List<String> start =
                    journal.lines().filter(l -> l.contains("startsrc target { subsystem: \"napper\" }")).toList();
            assertFalse(start.isEmpty(), journal);
            for (String line : start) {
                assertTrue(line.startsWith("<6>"), line);
                assertFalse(TIMESTAMP.matcher(line).find(), "no timestamp of its own: " + line);
            }
            assertTrue(src.log().contains("startsrc target { subsystem: \"napper\" }"), "the file still has it");
            assertTrue(TIMESTAMP.matcher(src.log()).find(), "the file keeps its timestamps");

            List<String> warned = journal.lines().filter(l -> l.contains("others can change")).toList();
            assertEquals(1, warned.size(), "the warning once, not again from stderr: " + journal);
            assertTrue(warned.get(0).startsWith("<4>"), warned.get(0));
        }
    }

    @Test
    void withLogSyslogEachLineIsSentAsAnRfc3164MessageWithTheFacilityGiven() throws Exception {
        try (DatagramSocket syslog = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                SrcRoot src = SrcRoot.empty()) {
            syslog.setSoTimeout(1000);
            Files.createDirectories(src.root.resolve("etc/src"));
            Files.writeString(
                    src.root.resolve("etc/src/srcmstr.conf"),
                    "log.syslog=127.0.0.1:" + syslog.getLocalPort() + "\nlog.syslog.facility=local3\n");
            src.startSrcmstr();
            assertEquals(0, src.run("mkssys", "-s", "napper", "-p", "/bin/sleep", "-a", "1000", "-u", "0").status());
            assertEquals(0, src.run("startsrc", "-s", "napper").status());

            // local3 (19) * 8 + info (6) = 158
            Pattern rfc3164 =
                    Pattern.compile(
                            "<158>[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\S+ srcmstr\\["
                                    + src.srcmstr().pid()
                                    + "]: \\[grpc-call-\\d+] audit: .* startsrc target \\{ subsystem: \"napper\" }");
            Instant end = Instant.now().plusSeconds(30);
            StringBuilder seen = new StringBuilder();
            while (Instant.now().isBefore(end)) {
                DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
                try {
                    syslog.receive(packet);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                seen.append(message).append('\n');
                if (rfc3164.matcher(message).matches()) {
                    return;
                }
            }
            throw new AssertionError("no RFC 3164 message for the startsrc; received:\n" + seen);
        }
    }

    @Test
    void aBadLogSyslogStopsSrcmstrNamingTheKey() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            Files.createDirectories(src.root.resolve("etc/src"));
            Files.writeString(src.root.resolve("etc/src/srcmstr.conf"), "log.syslog=loghost:0\n");
            var e = assertThrows(IllegalStateException.class, () -> src.startSrcmstr());
            assertTrue(
                    e.getMessage().contains("log.syslog: port is not a number from 1 to 65535: '0'"), e.getMessage());
            assertEquals(1, src.srcmstr().waitFor());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
