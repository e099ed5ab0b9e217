package org.opensrc.cli.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.SubsystemStatus;

class StatusTextTest {

    private static SubsystemStatus status(String name, String group, int pid, Status st) {
        return SubsystemStatus.newBuilder().setSubsysname(name).setGrpname(group).setPid(pid).setStatus(st).build();
    }

    @Test
    void shortStatusMatchesTheAixColumnsOfTheAnsibleFixture() {
        assertEquals("Subsystem         Group            PID          Status", StatusText.SHORT_HEADER);
        assertEquals(
                " sendmail         mail             5243302      active",
                StatusText.shortRow(status("sendmail", "mail", 5243302, Status.STATUS_ACTIVE)));
        assertEquals(
                " IBM.MgmtDomainRM rsct_rm          14090676     active",
                StatusText.shortRow(status("IBM.MgmtDomainRM", "rsct_rm", 14090676, Status.STATUS_ACTIVE)));
        assertEquals(
                " aso                               6029758      active",
                StatusText.shortRow(status("aso", "", 6029758, Status.STATUS_ACTIVE)));
        assertEquals(
                " lpd              spooler                       inoperative",
                StatusText.shortRow(status("lpd", "spooler", 0, Status.STATUS_INOPERATIVE)));
    }

    @Test
    void shortStatusColumnsStartAt18And35And48() {
        String row = StatusText.shortRow(status("inetd", "tcpip", 4242, Status.STATUS_WARNED_TO_STOP));
        assertEquals("tcpip", row.substring(18, 23));
        assertEquals("4242", row.substring(35, 39));
        assertEquals("warned to stop", row.substring(48));
    }

    @Test
    void subserverRowsPutCommandAt14AndStatusAt64() {
        String row =
                StatusText.row(
                        StatusRow.newBuilder()
                                .setObjname("telnet")
                                .setObjtext(String.format("%-24s %-24s", "/usr/sbin/telnetd", "telnetd -a"))
                                .setStatus(Status.STATUS_ACTIVE)
                                .build());
        assertEquals(" telnet       /usr/sbin/telnetd        telnetd -a               active", row);
        assertEquals(14, row.indexOf("/usr"));
        assertEquals(64, row.indexOf("active"));
    }

    @Test
    void anAllEmptyRowIsABlankLine() {
        assertEquals("", StatusText.row(StatusRow.getDefaultInstance()));
    }

    @Test
    void aRowWithoutStatusPrintsNameAndText() {
        assertEquals(
                " Debug        Not active",
                StatusText.row(StatusRow.newBuilder().setObjname("Debug").setObjtext("Not active").build()));
    }
}
