package org.opensrc.inetd.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

class ResponsesTest {
    static final Instant NOW = Instant.parse("2026-11-22T02:11:05Z");

    @Test
    void daytimeIsCtimeText() {
        assertEquals(
                "Sun Nov 22 02:11:05 2026\r\n",
                new String(Responses.daytime(NOW, ZoneOffset.UTC), StandardCharsets.US_ASCII));
        assertEquals(
                "Thu Jan  1 00:00:00 1970\r\n",
                new String(Responses.daytime(Instant.EPOCH, ZoneOffset.UTC), StandardCharsets.US_ASCII));
    }

    @Test
    void timeIsSecondsSince1900BigEndian() {
        assertArrayEquals(new byte[] {(byte) 0x83, (byte) 0xaa, 0x7e, (byte) 0x80}, Responses.time(Instant.EPOCH));
    }

    @Test
    void chargenLinesRotateThroughPrintableAscii() {
        String first = new String(Responses.chargenLine(0), StandardCharsets.US_ASCII);
        String second = new String(Responses.chargenLine(1), StandardCharsets.US_ASCII);
        assertEquals(74, first.length());
        assertTrue(first.startsWith(" !\"#$%"));
        assertTrue(first.endsWith("\r\n"));
        assertEquals(first.substring(1, 72), second.substring(0, 71));
        assertEquals(new String(Responses.chargenLine(95), StandardCharsets.US_ASCII), first);
    }

    @Test
    void datagramRepliesPerService() {
        DatagramInternals d = new DatagramInternals(ZoneOffset.UTC);
        assertArrayEquals(new byte[] {1, 2}, d.reply("echo", new byte[] {1, 2}, NOW).orElseThrow());
        assertEquals(Optional.empty(), d.reply("discard", new byte[] {1}, NOW));
        assertEquals(4, d.reply("time", new byte[0], NOW).orElseThrow().length);
        assertEquals(74, d.reply("chargen", new byte[0], NOW).orElseThrow().length);
    }

    @Test
    void loopGuardIgnoresPrivilegedPortsAndOurOwnInternalPorts() {
        LoopGuard g = new LoopGuard(Set.of(20007, 20019));
        InetAddress a = InetAddress.getLoopbackAddress();
        assertFalse(g.mayAnswer(new InetSocketAddress(a, 19)));
        assertFalse(g.mayAnswer(new InetSocketAddress(a, 7)));
        assertFalse(g.mayAnswer(new InetSocketAddress(a, 0)));
        assertFalse(g.mayAnswer(new InetSocketAddress(a, 20019)));
        assertTrue(g.mayAnswer(new InetSocketAddress(a, 40000)));
    }
}
