package org.opensrc.inetd.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Fuzzes hosts.allow and hosts.deny and the address patterns in them: any two files parse, any client gets a decision,
 * every word is a pattern or not one (never an exception), and a pattern written back reads as itself. The input is a
 * client address (4 or 16 bytes), a daemon name, a word, hosts.allow (up to 1000 characters) and hosts.deny.
 */
class HostsAccessFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void everyClientGetsADecisionAndPatternsReadBack(FuzzedDataProvider data) throws UnknownHostException {
        int size = data.consumeBoolean() ? 16 : 4;
        InetAddress client = InetAddress.getByAddress(Arrays.copyOf(data.consumeBytes(size), size));
        String daemon = data.consumeString(20);
        String word = data.consumeString(60);
        String allow = data.consumeString(1000);
        String deny = data.consumeRemainingAsString();
        HostsAccess.parse(allow, deny).permits(daemon, client);
        Optional<AddressPattern> pattern = AddressPattern.parse(word);
        pattern.ifPresent(
                p -> {
                    p.matches(client);
                    assertEquals(Optional.of(p), AddressPattern.parse(p.toString()));
                });
    }
}
