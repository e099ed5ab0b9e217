package org.opensrc.smit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class ColonFormatTest {
    private static final String SUBSYS =
            """
            #subsysname:synonym:cmdargs:path:uid:auditid:standin:standout:standerr:action:multi:contact:svrkey:svrmtype:priority:signorm:sigforce:display:waittime:grpname:
            inetd:::/usr/sbin/inetd:0:0:/dev/console:/dev/console:/dev/console:-O:-Q:-K:0:0:20:0:0:-d:20:tcpip:
            syslogd:::/usr/sbin/syslogd:0:0:/dev/console:/dev/console:/dev/console:-O:-Q:-K:0:0:20:0:0:-d:20:ras:
            ftpd:::/usr/sbin/ftpd:0:0:/dev/console:/dev/console:/dev/console:-O:-Q:-K:0:0:20:0:0:-d:20:tcpip:
            """;

    @Test
    void recordsAreKeyedByTheHeadersNames() {
        Map<String, String> inetd = ColonFormat.parse(SUBSYS).getFirst();
        assertEquals("/usr/sbin/inetd", inetd.get("path"));
        assertEquals("-K", inetd.get("contact"));
        assertEquals("tcpip", inetd.get("grpname"));
    }

    @Test
    void aColumnIsItsDistinctValuesInOrder() {
        assertEquals(List.of("inetd", "syslogd", "ftpd"), ColonFormat.column(SUBSYS, "subsysname"));
        assertEquals(List.of("tcpip", "ras"), ColonFormat.column(SUBSYS, "grpname"));
    }

    @Test
    void aHeaderAloneIsNoRecord() {
        assertEquals(List.of(), ColonFormat.parse("#sub_type:subsysname:sub_code:\n"));
    }
}
