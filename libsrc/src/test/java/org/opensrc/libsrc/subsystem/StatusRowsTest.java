package org.opensrc.libsrc.subsystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.Status;
import org.opensrc.proto.v1.StatusRow;

class StatusRowsTest {

    @Test
    void theHeaderPutsStatusAtOffset50OfObjtext() {
        StatusRow header = StatusRows.subserverHeader();
        assertEquals("Service", header.getObjname());
        assertEquals(50, header.getObjtext().indexOf("Status"));
        assertEquals(25, header.getObjtext().indexOf("Description"));
        assertEquals(Status.STATUS_UNSPECIFIED, header.getStatus());
    }

    @Test
    void aSubserverRowHasCommandAndDescriptionIn24WideColumns() {
        StatusRow row = StatusRows.subserverRow("telnet", "/usr/sbin/telnetd", "telnetd -a", Status.STATUS_ACTIVE);
        assertEquals("telnet", row.getObjname());
        assertEquals(String.format("%-24s %-24s", "/usr/sbin/telnetd", "telnetd -a"), row.getObjtext());
        assertEquals(49, row.getObjtext().length());
        assertEquals(Status.STATUS_ACTIVE, row.getStatus());
    }

    @Test
    void aBlankRowIsAllEmpty() {
        assertEquals(StatusRow.getDefaultInstance(), StatusRows.blank());
        assertEquals(StatusRow.getDefaultInstance(), StatusRows.row("", ""));
    }

    @Test
    void successCodesAreTheAixOkMessages() {
        assertTrue(Reply.ok().isSuccess());
        assertTrue(Reply.of(SrcCode.SRC_CODE_STRTSVROK, "alpha").isSuccess());
        assertTrue(Reply.of(SrcCode.SRC_CODE_REFOK).isSuccess());
        assertFalse(Reply.of(SrcCode.SRC_CODE_REFFAIL).isSuccess());
        assertFalse(Reply.notSupported().isSuccess());
        assertFalse(Reply.of(SrcCode.SRC_CODE_STRTSVRDUP, "alpha").isSuccess());
    }
}
