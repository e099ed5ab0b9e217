package org.opensrc.cli.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.Action;
import org.opensrc.proto.v1.Contact;
import org.opensrc.proto.v1.ListNotifiesReply;
import org.opensrc.proto.v1.ListSubserversReply;
import org.opensrc.proto.v1.ListSubsystemsReply;
import org.opensrc.proto.v1.NotifyDef;
import org.opensrc.proto.v1.SubserverDef;
import org.opensrc.proto.v1.SubsystemDef;

class SmitFormatTest {

    /** What mkssys -s sshd -p /usr/sbin/sshd -a '-D' -u 0 -S -n 15 -f 9 -R -G tcpip stores. */
    static SubsystemDef sshd() {
        return SubsystemDef.newBuilder()
                .setSubsysname("sshd")
                .setCmdargs("-D")
                .setPath("/usr/sbin/sshd")
                .setUid(0)
                .setAuditid(0)
                .setStandin("/dev/console")
                .setStandout("/dev/console")
                .setStanderr("/dev/console")
                .setAction(Action.ACTION_RESPAWN)
                .setMulti(false)
                .setContact(Contact.CONTACT_SIGNAL)
                .setPriority(20)
                .setSignorm("SIGTERM")
                .setSigforce("SIGKILL")
                .setDisplay(true)
                .setWaittime(20)
                .setGrpname("tcpip")
                .build();
    }

    static SubsystemDef syslogd() {
        return sshd().toBuilder()
                .setSubsysname("syslogd")
                .setCmdargs("")
                .setPath("/usr/sbin/syslogd")
                .setAction(Action.ACTION_ONCE)
                .setContact(Contact.CONTACT_SOCKET)
                .setSignorm("")
                .setSigforce("")
                .setGrpname("ras")
                .build();
    }

    @Test
    void sshdFromTheOpenSshPackagingListsAsOnAix() {
        assertEquals(
                "sshd::-D:/usr/sbin/sshd:0:0:/dev/console:/dev/console:/dev/console:-R:-Q:-S:0:0:20:15:9:-d:20:tcpip:",
                SmitFormat.line(sshd()));
    }

    @Test
    void subsystemListingHasHeaderThenOneLinePerObject() {
        String out = SmitFormat.subsystems(ListSubsystemsReply.newBuilder().addSubsystems(syslogd()).build());
        assertEquals(
                "#subsysname:synonym:cmdargs:path:uid:auditid:standin:standout:standerr:action:multi:contact:"
                        + "svrkey:svrmtype:priority:signorm:sigforce:display:waittime:grpname:\n"
                        + "syslogd:::/usr/sbin/syslogd:0:0:/dev/console:/dev/console:/dev/console:-O:-Q:-K:0:0:20:0:0:-d:20:ras:\n",
                out);
    }

    @Test
    void flagsForMultiDisplayAndIpcAndLinuxSignalNumbers() {
        SubsystemDef s =
                syslogd().toBuilder()
                        .setSynonym("sl")
                        .setMulti(true)
                        .setDisplay(false)
                        .setContact(Contact.CONTACT_IPC)
                        .setSvrkey(4242)
                        .setSvrmtype(3)
                        .setPriority(0)
                        .setWaittime(0)
                        .setUid(2)
                        .setAuditid(1000)
                        .build();
        assertEquals(
                "syslogd:sl::/usr/sbin/syslogd:2:1000:/dev/console:/dev/console:/dev/console:-O:-q:-I:4242:3:0:0:0:-D:0:ras:",
                SmitFormat.line(s));
        SubsystemDef portmap = sshd().toBuilder().setSignorm("SIGUSR1").setSigforce("SIGUSR2").build();
        assertTrue(SmitFormat.line(portmap).contains(":20:10:12:-d:"), SmitFormat.line(portmap));
    }

    @Test
    void subserverAndNotifyListings() {
        assertEquals(
                "#sub_type:subsysname:sub_code:\nftp:inetd:21:\ntelnet:inetd:23:\n",
                SmitFormat.subservers(
                        ListSubserversReply.newBuilder()
                                .addSubservers(
                                        SubserverDef.newBuilder()
                                                .setSubType("ftp")
                                                .setSubsysname("inetd")
                                                .setSubCode(21))
                                .addSubservers(
                                        SubserverDef.newBuilder()
                                                .setSubType("telnet")
                                                .setSubsysname("inetd")
                                                .setSubCode(23))
                                .build()));
        assertEquals(
                "#notifyname:notifymethod:\ntcpip:/usr/bin/page-oncall:\n",
                SmitFormat.notifies(
                        ListNotifiesReply.newBuilder()
                                .addNotifies(
                                        NotifyDef.newBuilder()
                                                .setNotifyname("tcpip")
                                                .setNotifymethod("/usr/bin/page-oncall"))
                                .build()));
    }

    @Test
    void jsonListingUsesOdmFieldNames() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode subsys =
                mapper.readTree(JsonListing.subsystems(ListSubsystemsReply.newBuilder().addSubsystems(sshd()).build()));
        assertEquals("sshd", subsys.get(0).get("subsysname").asText());
        assertEquals("SIGNAL", subsys.get(0).get("contact").asText());
        assertEquals("RESPAWN", subsys.get(0).get("action").asText());
        assertEquals("SIGTERM", subsys.get(0).get("signorm").asText());
        assertEquals(false, subsys.get(0).get("extensions").get("backoff").asBoolean());
        JsonNode svr =
                mapper.readTree(
                        JsonListing.subservers(
                                ListSubserversReply.newBuilder()
                                        .addSubservers(
                                                SubserverDef.newBuilder()
                                                        .setSubType("ftp")
                                                        .setSubsysname("inetd")
                                                        .setSubCode(21))
                                        .build()));
        assertEquals("{\"sub_type\":\"ftp\",\"subsysname\":\"inetd\",\"sub_code\":21}", svr.get(0).toString());
        JsonNode n =
                mapper.readTree(
                        JsonListing.notifies(
                                ListNotifiesReply.newBuilder()
                                        .addNotifies(NotifyDef.newBuilder().setNotifyname("a").setNotifymethod("/b"))
                                        .build()));
        assertEquals("{\"notifyname\":\"a\",\"notifymethod\":\"/b\"}", n.get(0).toString());
    }
}
