package org.opensrc.inetd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.file.Path;

/**
 * Fuzzes the inetd.conf reader together with the services file it resolves names in: any text parses, a bad line
 * becomes a problem naming its line and the other lines load, and never an exception. The input is a services file (up
 * to 300 characters) then inetd.conf.
 */
class ConfigParserFuzzTest {

    private static final Path FILE = Path.of("/etc/inetd.conf");

    @FuzzTest(maxDuration = "10s")
    void everyLineLoadsOrIsAProblemNamingItsLine(FuzzedDataProvider data) {
        ServicesFile services = ServicesFile.parse(data.consumeString(300));
        String text = data.consumeRemainingAsString();
        InetdConfig config = new ConfigParser(services).parse(FILE, text);
        int lines = config.lines().size();
        for (Problem p : config.problems()) {
            assertEquals(FILE, p.file());
            assertTrue(p.line() >= 1 && p.line() <= lines, p.toString());
        }
        for (ServiceEntry e : config.entries()) {
            assertTrue(e.line() >= 1 && e.line() <= lines, e.toString());
        }
    }
}
