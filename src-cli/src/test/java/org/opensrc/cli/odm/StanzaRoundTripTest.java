package org.opensrc.cli.odm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opensrc.cli.odm.StanzaException.Problem;
import org.opensrc.proto.v1.Action;
import org.opensrc.proto.v1.Contact;
import org.opensrc.proto.v1.SubsystemDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class StanzaRoundTripTest {

    private static SubsystemDef xntpd() {
        return SubsystemDef.newBuilder()
                .setSubsysname("xntpd")
                .setCmdargs("-x \"quoted\" \\ back")
                .setPath("/usr/sbin/chronyd")
                .setUid(0)
                .setStandin("/dev/console")
                .setStandout("/var/log/a\nb")
                .setStanderr("/dev/console")
                .setAction(Action.ACTION_RESPAWN)
                .setContact(Contact.CONTACT_SIGNAL)
                .setPriority(20)
                .setSignorm("SIGUSR1")
                .setSigforce("SIGKILL")
                .setDisplay(true)
                .setWaittime(20)
                .setGrpname("tcpip")
                .build();
    }

    @Test
    void odmgetPrintsAixStanzaFormatWithNumbersBareAndStringsQuoted() {
        String text = StanzaWriter.write(SrcObjects.object(xntpd()));
        assertEquals(
                String.join(
                        "\n",
                        "",
                        "SRCsubsys:",
                        "\tsubsysname = \"xntpd\"",
                        "\tsynonym = \"\"",
                        "\tcmdargs = \"-x \\\"quoted\\\" \\\\ back\"",
                        "\tpath = \"/usr/sbin/chronyd\"",
                        "\tuid = 0",
                        "\tauditid = 0",
                        "\tstandin = \"/dev/console\"",
                        "\tstandout = \"/var/log/a\\n\\",
                        "b\"",
                        "\tstanderr = \"/dev/console\"",
                        "\taction = 1",
                        "\tmulti = 0",
                        "\tcontact = 2",
                        "\tsvrkey = 0",
                        "\tsvrmtype = 0",
                        "\tpriority = 20",
                        "\tsignorm = 30",
                        "\tsigforce = 9",
                        "\tdisplay = 1",
                        "\twaittime = 20",
                        "\tgrpname = \"tcpip\"",
                        ""),
                text);
    }

    @Test
    void whatOdmgetPrintsOdmaddReadsBackToTheSameDefinition() throws Exception {
        SubsystemDef original = xntpd();
        String text = StanzaWriter.write(SrcObjects.object(original));
        Stanza stanza = StanzaReader.read(text).getFirst();
        List<String> warnings = new ArrayList<>();
        SubsystemDef read = SrcObjects.subsystem(StanzaValues.of(stanza, ObjectClass.SRC_SUBSYS), warnings);
        assertEquals(original.toBuilder().setUser("0").build(), read);
        assertEquals(List.of("AIX signal 30 is SIGUSR1, which is signal 10 on Linux; using SIGUSR1."), warnings);
    }

    @Test
    void aLinuxSignalAixHasNoNumberForPrintsAsItsNameAndReadsBack() throws Exception {
        SubsystemDef def = xntpd().toBuilder().setSignorm("SIGSTKFLT").setSigforce("SIGRTMIN+2").build();
        OdmObject object = SrcObjects.object(def);
        assertEquals("SIGSTKFLT", object.value("signorm"));
        assertEquals("36", object.value("sigforce"));
        String text = StanzaWriter.write(object);
        var values = StanzaValues.of(StanzaReader.read(text).getFirst(), ObjectClass.SRC_SUBSYS);
        SubsystemDef read = SrcObjects.subsystem(values, new ArrayList<>());
        assertEquals("SIGSTKFLT", read.getSignorm());
        assertEquals("SIGRTMIN+2", read.getSigforce());
    }

    @Test
    void everyLinuxSignalReadsBackAsItself() {
        for (var signal : org.opensrc.libsrc.signal.Signals.all()) {
            String odm = AixSignalNumbers.odmValue(signal.name());
            var values = new java.util.LinkedHashMap<String, String>();
            values.put("signorm", odm);
            SubsystemDef read = SrcObjects.subsystemValues(values, new ArrayList<>());
            assertEquals(signal.name(), read.getSignorm(), odm);
        }
    }

    @Test
    void anAixOdmgetOutputBecomesDefinitionsWithAixSignalsTranslated() throws Exception {
        List<Stanza> stanzas = StanzaReader.read(StanzaReaderTest.AIX_ODMGET);
        List<String> warnings = new ArrayList<>();
        SubsystemDef sshd = SrcObjects.subsystem(StanzaValues.of(stanzas.get(0), ObjectClass.SRC_SUBSYS), warnings);
        assertEquals(Action.ACTION_RESPAWN, sshd.getAction());
        assertEquals(Contact.CONTACT_SOCKET, sshd.getContact());
        assertEquals("", sshd.getSignorm());
        assertEquals("0", sshd.getUser());
        SubsystemDef xntpd = SrcObjects.subsystem(StanzaValues.of(stanzas.get(1), ObjectClass.SRC_SUBSYS), warnings);
        assertEquals(Action.ACTION_ONCE, xntpd.getAction());
        assertEquals(Contact.CONTACT_SIGNAL, xntpd.getContact());
        assertEquals("SIGUSR1", xntpd.getSignorm());
        assertEquals("SIGUSR2", xntpd.getSigforce());
        assertEquals(2, warnings.size(), warnings.toString());
    }

    @Test
    void missingDescriptorsTakeTheMkssysDefaults() throws Exception {
        var stanza = StanzaReader.read("SRCsubsys:\n\tsubsysname = d\n\tpath = /bin/true\n").getFirst();
        SubsystemDef d = SrcObjects.subsystem(StanzaValues.of(stanza, ObjectClass.SRC_SUBSYS), new ArrayList<>());
        assertEquals("/dev/console", d.getStandout());
        assertEquals(Action.ACTION_ONCE, d.getAction());
        assertEquals(Contact.CONTACT_SOCKET, d.getContact());
        assertEquals(20, d.getPriority());
        assertEquals(20, d.getWaittime());
        assertEquals(true, d.getDisplay());
        assertEquals("0", d.getUser());
    }

    @Test
    void numbersAreReadAsCDoesAndMustFitTheirDescriptor() throws Exception {
        var stanza = StanzaReader.read("SRCsubsys:\n\tpriority = 0x14\n\twaittime = 010\n\tuid = \n").getFirst();
        var values = StanzaValues.of(stanza, ObjectClass.SRC_SUBSYS);
        assertEquals(Map.of("priority", "20", "waittime", "8", "uid", "0"), values);
        var tooBig = StanzaReader.read("SRCsubsys:\n\tpriority = 40000\n").getFirst();
        var e = assertThrows(StanzaException.class, () -> StanzaValues.of(tooBig, ObjectClass.SRC_SUBSYS));
        assertEquals(Problem.INVALID_NUMBER, e.problem());
        assertEquals(
                "odmadd:  Invalid short value, stanza line:  2  f", OdmMessages.odmadd(e, ObjectClass.SRC_SUBSYS, "f"));
        var word = StanzaReader.read("SRCsubsvr:\n\tsub_code = ftp\n").getFirst();
        assertThrows(StanzaException.class, () -> StanzaValues.of(word, ObjectClass.SRC_SUBSVR));
    }

    @Test
    void anUnknownDescriptorIsNamedWithItsLine() throws Exception {
        var stanza = StanzaReader.read("SRCnotify:\n\tnotifyname = a\n\tmethod = /bin/x\n").getFirst();
        var e = assertThrows(StanzaException.class, () -> StanzaValues.of(stanza, ObjectClass.SRC_NOTIFY));
        assertEquals(
                "odmadd:  Invalid descriptor: method  stanza line:  3  defs",
                OdmMessages.odmadd(e, ObjectClass.SRC_NOTIFY, "defs"));
    }
}
