package org.opensrc.inetd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

class ServicesFileTest {
    @Test
    void namesAndAliasesResolvePerProtocol() {
        ServicesFile s = ServicesFile.parse("tftp 69/udp\nident 113/tcp auth authentication # rfc1413\nbad line\n");
        assertEquals(OptionalInt.of(69), s.port("tftp", "udp"));
        assertEquals(OptionalInt.empty(), s.port("tftp", "tcp"));
        assertEquals(OptionalInt.of(113), s.port("authentication", "tcp"));
        assertEquals(OptionalInt.of(2000), s.port("2000", "tcp"));
        assertEquals(OptionalInt.empty(), s.port("70000", "tcp"));
    }

    @Test
    void aLineWhosePortIsNoPortIsSkipped() {
        ServicesFile s = ServicesFile.parse("finger 72229/tcp\nzero 0/tcp\nminus -79/tcp\n");
        assertEquals(OptionalInt.empty(), s.port("finger", "tcp"));
        assertEquals(OptionalInt.empty(), s.port("zero", "tcp"));
        assertEquals(OptionalInt.empty(), s.port("minus", "tcp"));
    }
}
