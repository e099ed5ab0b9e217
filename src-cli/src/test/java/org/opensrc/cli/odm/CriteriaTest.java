package org.opensrc.cli.odm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensrc.proto.v1.Action;
import org.opensrc.proto.v1.Contact;
import org.opensrc.proto.v1.SubsystemDef;

import java.util.List;

class CriteriaTest {

    private static final List<OdmObject> OBJECTS =
            List.of(
                    subsystem("sshd", "tcpip", 20, Contact.CONTACT_SIGNAL),
                    subsystem("inetd", "tcpip", 20, Contact.CONTACT_SOCKET),
                    subsystem("syslogd", "ras", 10, Contact.CONTACT_SIGNAL),
                    subsystem("tcp_x", "tcpx", 39, Contact.CONTACT_SOCKET));

    private static OdmObject subsystem(String name, String group, int priority, Contact contact) {
        return SrcObjects.object(
                SubsystemDef.newBuilder()
                        .setSubsysname(name)
                        .setPath("/usr/sbin/" + name)
                        .setGrpname(group)
                        .setPriority(priority)
                        .setContact(contact)
                        .setAction(Action.ACTION_ONCE)
                        .build());
    }

    private static String names(String criteria) throws CriteriaException {
        return String.join(
                " ",
                Criteria.parse(criteria, ObjectClass.SRC_SUBSYS).select(OBJECTS).stream().map(OdmObject::key).toList());
    }

    @ParameterizedTest(name = "{0} selects {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "subsysname=sshd                               | sshd",
                "subsysname = 'sshd'                           | sshd",
                "subsysname != sshd                            | inetd syslogd tcp_x",
                "grpname like 'tcp*'                           | sshd inetd tcp_x",
                "grpname LIKE tcpip                            | sshd inetd",
                "subsysname like '?netd'                       | inetd",
                "subsysname like '[is]*'                       | sshd inetd syslogd",
                "subsysname like '[!is]*'                      | tcp_x",
                "subsysname like 'tcp%'                        | \"\"",
                "subsysname = 'tcp_x'                          | tcp_x",
                "grpname = tcpip and contact = 2               | sshd",
                "grpname = tcpip AND contact=3                 | inetd",
                "priority < 20                                 | syslogd",
                "priority >= 20 and priority <= 0x14           | sshd inetd",
                "priority > 024                                | tcp_x",
                "subsysname = sshd or subsysname = syslogd     | sshd syslogd",
                "grpname = ras OR grpname = tcpip and contact = 3 | inetd syslogd",
                "\"\"                                            | sshd inetd syslogd tcp_x",
            })
    void criteriaSelectAsLibodmDoes(String criteria, String expected) throws CriteriaException {
        assertEquals(expected, names(criteria));
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "name = sshd                 | no descriptor 'name' in SRCsubsys",
                "subsysname < sshd           | subsysname is a string; '<' compares numbers",
                "priority like '2*'          | priority is a number; 'like' compares strings",
                "priority = twenty           | 'twenty' is not a number (priority)",
                "subsysname = sshd but x = 1 | 'but' where 'and' was expected between two conditions",
                "subsysname = sshd and       | incomplete criteria: 'and' ends it",
                "subsysname                  | incomplete criterion: 'subsysname' without a relation",
                "subsysname =                | incomplete criterion: 'subsysname =' without a value",
                "subsysname = 'sshd          | no ending quote in the value of 'subsysname'",
                "subsysname ~ sshd           | unknown relation after 'subsysname'",
            })
    void badCriteriaAreRefusedWithTheReason(String criteria, String reason) {
        var e = assertThrows(CriteriaException.class, () -> Criteria.parse(criteria, ObjectClass.SRC_SUBSYS));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void aWordInANumberDescriptorOnlyMatchesNotEqual() throws CriteriaException {
        OdmObject odd =
                SrcObjects.object(
                        SubsystemDef.newBuilder()
                                .setSubsysname("x")
                                .setSignorm("SIGSTKFLT")
                                .setContact(Contact.CONTACT_SIGNAL)
                                .build());
        assertFalse(Criteria.parse("signorm = 16", ObjectClass.SRC_SUBSYS).matches(odd));
        assertTrue(Criteria.parse("signorm != 16", ObjectClass.SRC_SUBSYS).matches(odd));
    }

    @Test
    void likePatternsAreShellPatterns() {
        assertTrue(Wildcard.matches("*", ""));
        assertTrue(Wildcard.matches("a*b*c", "aXXbYc"));
        assertFalse(Wildcard.matches("a*b*c", "aXXbY"));
        assertTrue(Wildcard.matches("[a-c]x", "bx"));
        assertFalse(Wildcard.matches("[a-c]x", "dx"));
        assertFalse(Wildcard.matches("[abc", "a"));
        assertTrue(Wildcard.matches("100%", "100%"));
        assertFalse(Wildcard.matches("a_c", "abc"));
    }
}
