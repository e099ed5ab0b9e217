package org.opensrc.inetd.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.OptionalInt;

/**
 * Fuzzes the services file reader: any text parses, and every name it resolves, and every number, gives a port from 1
 * to 65535. The input is a name, a protocol, then the file.
 */
class ServicesFileFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void everyResolvedPortIsAPort(FuzzedDataProvider data) {
        String name = data.consumeString(20);
        String proto = data.pickValue(new String[] {"tcp", "udp"});
        String text = data.consumeRemainingAsString();
        ServicesFile services = ServicesFile.parse(text);
        assertPort(services.port(name, proto));
        for (String line : text.split("\n")) {
            for (String word : line.strip().split("\\s+")) {
                assertPort(services.port(word, proto));
            }
        }
    }

    private static void assertPort(OptionalInt port) {
        port.ifPresent(p -> assertTrue(p >= 1 && p <= 65535, "port " + p));
    }
}
