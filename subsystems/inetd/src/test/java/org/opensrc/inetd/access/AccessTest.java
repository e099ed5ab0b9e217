package org.opensrc.inetd.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

class AccessTest {
    static InetAddress ip(String s) {
        return InetAddress.ofLiteral(s);
    }

    static AddressPattern p(String s) {
        return AddressPattern.parse(s).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.1.2.3, true",
        "10.0.0.0/8, 11.0.0.1, false",
        "10.1.2.3, 10.1.2.3, true",
        "10.1.2.3, 10.1.2.4, false",
        "192.168., 192.168.7.1, true",
        "192.168., 192.169.0.1, false",
        "10.0.0.0/255.255.0.0, 10.0.9.9, true",
        "10.0.0.0/255.255.0.0, 10.1.0.1, false",
        "::1, ::1, true",
        "fe80::/10, fe80::1, true",
        "fe80::/10, fec0::1, false",
        "[2001:db8::]/32, 2001:db8:1::5, true",
        "10.0.0.0/8, ::1, false",
        "0.0.0.0/0, 1.2.3.4, true",
        "10.0.0.0/12, 10.15.255.255, true",
        "10.0.0.0/12, 10.16.0.0, false"
    })
    void patternsMatchAddressesAndNetworks(String pattern, String address, boolean expected) {
        assertEquals(expected, p(pattern).matches(ip(address)));
    }

    @Test
    void namesAreNotAddressPatterns() {
        assertEquals(Optional.empty(), AddressPattern.parse(".example.com"));
        assertEquals(Optional.empty(), AddressPattern.parse("host.example.com"));
        assertEquals(Optional.empty(), AddressPattern.parse("10.0.0.0/33"));
    }

    @ParameterizedTest
    @CsvSource({"10.1.2.3, false", "10.9.9.9, true", "192.168.1.1, false", "127.0.0.1, true"})
    void accessListMostSpecificWins(String address, boolean permitted) {
        AccessList l = new AccessList(List.of(p("10.0.0.0/8"), p("127.0.0.1")), List.of(p("10.1.0.0/16")));
        assertEquals(permitted, l.permits(ip(address)));
    }

    @Test
    void emptyAccessListIsOpenAndDenyOnlyListDeniesJustThose() {
        assertTrue(AccessList.OPEN.permits(ip("1.2.3.4")));
        AccessList denyOnly = new AccessList(List.of(), List.of(p("::1")));
        assertFalse(denyOnly.permits(ip("::1")));
        assertTrue(denyOnly.permits(ip("127.0.0.1")));
    }

    @ParameterizedTest
    @CsvSource({
        "in.fingerd, 127.0.0.1, true",
        "in.fingerd, 10.0.0.5, false",
        "in.fingerd, 10.9.0.5, true",
        "in.telnetd, 10.9.0.5, false",
        "in.telnetd, 192.168.1.1, true",
        "ftpd, 172.16.0.1, false",
        "ftpd, ::1, false",
        "echo, 10.0.0.5, false",
        "tftpd, 10.0.0.5, true"
    })
    void hostsAllowThenHostsDenyThenGrant(String daemon, String client, boolean permitted) {
        HostsAccess h =
                HostsAccess.parse(
                        """
                # hosts.allow
                in.fingerd : 127.0.0.1 10.9.0.0/16
                in.telnetd : ALL EXCEPT 10.0.0.0/8 : allow
                tftpd : ALL
                ftpd : [::1] : deny
                echo : .example.com
                """,
                        """
                ALL EXCEPT in.telnetd tftpd : 10.0.0.0/255.0.0.0
                in.telnetd : 10. \\
                   172.16.
                ftpd : 172.16.0.0/12
                """);
        assertEquals(permitted, h.permits(daemon, ip(client)));
    }

    @Test
    void noFilesMeansEveryoneIsAllowed() {
        assertTrue(HostsAccess.none().permits("ftpd", ip("8.8.8.8")));
    }
}
