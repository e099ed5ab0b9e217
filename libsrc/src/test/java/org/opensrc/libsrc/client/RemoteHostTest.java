package org.opensrc.libsrc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

class RemoteHostTest {

    @Test
    void aBareNameUsesTheDefaultPort() {
        assertEquals(new RemoteHost("hostA", 20200), RemoteHost.parse("hostA"));
    }

    @Test
    void aPortAfterAColonOverridesTheDefault() {
        assertEquals(new RemoteHost("hostA.example.com", 3200), RemoteHost.parse("hostA.example.com:3200"));
    }

    @Test
    void ipv6TakesBracketsForAPortAndNoneWithout() {
        assertEquals(new RemoteHost("::1", 4000), RemoteHost.parse("[::1]:4000"));
        assertEquals(new RemoteHost("::1", 20200), RemoteHost.parse("[::1]"));
        assertEquals(new RemoteHost("fe80::1", 20200), RemoteHost.parse("fe80::1"));
    }

    @Test
    void aPortThatIsNotANumberIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RemoteHost.parse("hostA:http"));
        assertThrows(IllegalArgumentException.class, () -> RemoteHost.parse("hostA:0"));
    }

    @Test
    void aHostListSplitsOnBlanksAndCommas() {
        assertEquals(List.of("hostA", "hostB", "hostC:4000"), RemoteHost.split(" hostA,hostB  hostC:4000,"));
        assertEquals(List.of("hostA"), RemoteHost.split("hostA"));
    }
}
