package org.opensrc.srcmstr.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.definitions.DefinitionResult.Applied;
import org.opensrc.srcmstr.definitions.DefinitionResult.Rejected;
import org.opensrc.srcmstr.definitions.DefinitionResult.Rejected.Why;
import org.opensrc.srcmstr.registry.Defs;
import org.opensrc.srcmstr.registry.NotifyDef;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

class OperationsTest {

    static final String LONG30 = "x".repeat(30);
    static final String PATH200 = "/" + "p".repeat(199);

    /** sshd (signals, tcpip), inetd (socket, synonym superd, tcpip) owning ftp=21, telnet=23; notify for inetd. */
    static Registry fixture() {
        return new Registry(
                List.of(
                        Defs.subsystem("sshd").signals("SIGTERM", "SIGKILL").group("tcpip").build(),
                        Defs.subsystem("inetd").synonym("superd").group("tcpip").build(),
                        Defs.subsystem("syslogd").group("ras").build()),
                List.of(new SubserverDef("ftp", "inetd", 21), new SubserverDef("telnet", "inetd", 23)),
                List.of(new NotifyDef("inetd", "/usr/bin/notify-inetd")));
    }

    static Operation add(Defs d) {
        return new Operation.AddSubsystem(d.build());
    }

    static Operation change(String name, Defs values, String... fields) {
        return new Operation.ChangeSubsystem(name, values.build(), Set.of(fields));
    }

    static Arguments row(String rule, Operation op, Why why, SrcCode code, String arg) {
        return Arguments.of(rule, op, why, code, arg);
    }

    static Stream<Arguments> rejections() {
        Why inv = Why.INVALID;
        Why dup = Why.EXISTS;
        Why pre = Why.PRECONDITION;
        Why nf = Why.NOT_FOUND;
        return Stream.of(
                row("name required", add(Defs.subsystem("")), inv, SrcCode.SRC_CODE_NONAME, ""),
                row("name <= 29", add(Defs.subsystem(LONG30)), inv, SrcCode.SRC_CODE_SUBSYSNAME_2BIG, ""),
                row("synonym <= 29", add(Defs.subsystem("a").synonym(LONG30)), inv, SrcCode.SRC_CODE_SYNONYM_2BIG, ""),
                row(
                        "cmdargs <= 199",
                        add(Defs.subsystem("a").cmdargs("a".repeat(200))),
                        inv,
                        SrcCode.SRC_CODE_CMDARGS_2BIG,
                        ""),
                row("path required", add(Defs.subsystem("a").path("")), inv, SrcCode.SRC_CODE_NOPATH, ""),
                row("path absolute", add(Defs.subsystem("a").path("bin/a")), inv, SrcCode.SRC_CODE_NOPATH, ""),
                row("path <= 199", add(Defs.subsystem("a").path(PATH200)), inv, SrcCode.SRC_CODE_PATH_2BIG, ""),
                row("standin <= 199", add(Defs.subsystem("a").standin(PATH200)), inv, SrcCode.SRC_CODE_STDIN_2BIG, ""),
                row(
                        "standout <= 199",
                        add(Defs.subsystem("a").standout(PATH200)),
                        inv,
                        SrcCode.SRC_CODE_STDOUT_2BIG,
                        ""),
                row(
                        "standerr <= 199",
                        add(Defs.subsystem("a").standerr(PATH200)),
                        inv,
                        SrcCode.SRC_CODE_STDERR_2BIG,
                        ""),
                row("group <= 29", add(Defs.subsystem("a").group(LONG30)), inv, SrcCode.SRC_CODE_GROUP_2BIG, ""),
                row("priority >= 0", add(Defs.subsystem("a").priority(-1)), inv, SrcCode.SRC_CODE_PRIORITY, ""),
                row("priority <= 39", add(Defs.subsystem("a").priority(40)), inv, SrcCode.SRC_CODE_PRIORITY, ""),
                row("IPC mtype > 0", add(Defs.subsystem("a").ipc(7, 0)), inv, SrcCode.SRC_CODE_MTYPE, ""),
                row(
                        "signal needs signorm",
                        add(Defs.subsystem("a").signals("", "SIGKILL")),
                        inv,
                        SrcCode.SRC_CODE_BADNSIG,
                        ""),
                row(
                        "signal needs sigforce",
                        add(Defs.subsystem("a").signals("SIGTERM", "")),
                        inv,
                        SrcCode.SRC_CODE_BADFSIG,
                        ""),
                row("waittime >= 0", add(Defs.subsystem("a").waittime(-1)), inv, SrcCode.SRC_CODE_PARM, ""),
                row("name taken by a name", add(Defs.subsystem("inetd")), dup, SrcCode.SRC_CODE_SUBEXIST, ""),
                row("name taken by a synonym", add(Defs.subsystem("superd")), dup, SrcCode.SRC_CODE_SUBEXIST, ""),
                row(
                        "synonym taken by a name",
                        add(Defs.subsystem("a").synonym("sshd")),
                        dup,
                        SrcCode.SRC_CODE_SYNEXIST,
                        ""),
                row(
                        "synonym taken by a synonym",
                        add(Defs.subsystem("a").synonym("superd")),
                        dup,
                        SrcCode.SRC_CODE_SYNEXIST,
                        ""),
                row("change unknown", change("nope", Defs.subsystem("x")), nf, SrcCode.SRC_CODE_SUBSYS, "nope"),
                row(
                        "change unknown field",
                        change("inetd", Defs.subsystem("x"), "colour"),
                        inv,
                        SrcCode.SRC_CODE_PARM,
                        ""),
                row(
                        "rename onto a name",
                        change("inetd", Defs.subsystem("sshd"), "subsysname"),
                        dup,
                        SrcCode.SRC_CODE_SUBEXIST,
                        ""),
                row(
                        "rename onto a synonym",
                        change("sshd", Defs.subsystem("superd"), "subsysname"),
                        dup,
                        SrcCode.SRC_CODE_SUBEXIST,
                        ""),
                row(
                        "synonym onto a name",
                        change("sshd", Defs.subsystem("x").synonym("inetd"), "synonym"),
                        dup,
                        SrcCode.SRC_CODE_SYNEXIST,
                        ""),
                row(
                        "change checks rules",
                        change("inetd", Defs.subsystem("x").priority(99), "priority"),
                        inv,
                        SrcCode.SRC_CODE_PRIORITY,
                        ""),
                row(
                        "signal while owning subservers",
                        change(
                                "inetd",
                                Defs.subsystem("x").signals("SIGTERM", "SIGKILL"),
                                "contact",
                                "signorm",
                                "sigforce"),
                        pre,
                        SrcCode.SRC_CODE_CONT,
                        "inetd"),
                row("remove unknown", new Operation.RemoveSubsystem("nope"), nf, SrcCode.SRC_CODE_SUBSYS, "nope"),
                row(
                        "subserver owner must exist",
                        new Operation.AddSubserver(new SubserverDef("tftp", "nope", 69)),
                        pre,
                        SrcCode.SRC_CODE_SSME,
                        "nope"),
                row(
                        "subserver owner not signal",
                        new Operation.AddSubserver(new SubserverDef("scp", "sshd", 1)),
                        pre,
                        SrcCode.SRC_CODE_CONT,
                        "sshd"),
                row(
                        "subserver type unique",
                        new Operation.AddSubserver(new SubserverDef("ftp", "inetd", 2121)),
                        dup,
                        SrcCode.SRC_CODE_SVREXIST,
                        ""),
                row(
                        "code point unique",
                        new Operation.AddSubserver(new SubserverDef("ftp2", "superd", 21)),
                        dup,
                        SrcCode.SRC_CODE_SUBCODE,
                        ""),
                row(
                        "code point >= 1",
                        new Operation.AddSubserver(new SubserverDef("tftp", "inetd", 0)),
                        inv,
                        SrcCode.SRC_CODE_PARM,
                        ""),
                row(
                        "code point <= 32768",
                        new Operation.AddSubserver(new SubserverDef("tftp", "inetd", 32769)),
                        inv,
                        SrcCode.SRC_CODE_PARM,
                        ""),
                row(
                        "subserver type <= 29",
                        new Operation.AddSubserver(new SubserverDef(LONG30, "inetd", 69)),
                        inv,
                        SrcCode.SRC_CODE_SUBTYPE_2BIG,
                        ""),
                row(
                        "chserver unknown",
                        new Operation.ChangeSubserver("nope", new SubserverDef("x", "inetd", 1), Set.of("sub_code")),
                        nf,
                        SrcCode.SRC_CODE_TYPE,
                        "nope"),
                row(
                        "chserver code taken",
                        new Operation.ChangeSubserver("ftp", new SubserverDef("", "", 23), Set.of("sub_code")),
                        dup,
                        SrcCode.SRC_CODE_SUBCODE,
                        ""),
                row(
                        "chserver type taken",
                        new Operation.ChangeSubserver("ftp", new SubserverDef("telnet", "", 0), Set.of("sub_type")),
                        dup,
                        SrcCode.SRC_CODE_SVREXIST,
                        ""),
                row(
                        "chserver to signal owner",
                        new Operation.ChangeSubserver("ftp", new SubserverDef("", "sshd", 0), Set.of("subsysname")),
                        pre,
                        SrcCode.SRC_CODE_CONT,
                        "sshd"),
                row("rmserver unknown", new Operation.RemoveSubserver("nope"), nf, SrcCode.SRC_CODE_TYPE, "nope"),
                row(
                        "notify name <= 29",
                        new Operation.AddNotify(new NotifyDef(LONG30, "/bin/n")),
                        inv,
                        SrcCode.SRC_CODE_NOTIFY_NAME_2BIG,
                        ""),
                row(
                        "notify method <= 255",
                        new Operation.AddNotify(new NotifyDef("sshd", "/" + "m".repeat(255))),
                        inv,
                        SrcCode.SRC_CODE_NOTIFY_METHOD_2BIG,
                        ""),
                row(
                        "notify method absolute",
                        new Operation.AddNotify(new NotifyDef("sshd", "bin/n")),
                        inv,
                        SrcCode.SRC_CODE_PARM,
                        ""),
                row(
                        "notify name must exist",
                        new Operation.AddNotify(new NotifyDef("nope", "/bin/n")),
                        pre,
                        SrcCode.SRC_CODE_NOSUBSYS,
                        ""),
                row(
                        "one method per name",
                        new Operation.AddNotify(new NotifyDef("inetd", "/bin/n")),
                        dup,
                        SrcCode.SRC_CODE_NOTEXIST,
                        ""),
                row("rmnotify unknown", new Operation.RemoveNotify("sshd"), nf, SrcCode.SRC_CODE_NOREC, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void eachRuleRejectsWithItsCode(String rule, Operation op, Why why, SrcCode code, String arg) {
        assertEquals(new Rejected(why, code, arg), op.apply(fixture()));
    }

    static Stream<Arguments> successes() {
        return Stream.of(
                Arguments.of(add(Defs.subsystem("cron").priority(0).waittime(0)), SrcCode.SRC_CODE_SUBADD, "cron"),
                Arguments.of(
                        add(Defs.subsystem("b".repeat(29)).path(PATH200.substring(0, 199))),
                        SrcCode.SRC_CODE_SUBADD,
                        "b".repeat(29)),
                Arguments.of(add(Defs.subsystem("msgq").ipc(42, 1)), SrcCode.SRC_CODE_SUBADD, "msgq"),
                Arguments.of(
                        change("superd", Defs.subsystem("x").priority(39), "priority"), SrcCode.SRC_CODE_SUBCH, ""),
                Arguments.of(new Operation.RemoveSubsystem("sshd"), SrcCode.SRC_CODE_SSYSRM, ""),
                Arguments.of(
                        new Operation.AddSubserver(new SubserverDef("tftp", "superd", 69)),
                        SrcCode.SRC_CODE_SVRADD,
                        "tftp"),
                Arguments.of(
                        new Operation.ChangeSubserver(
                                "ftp", new SubserverDef("ftps", "", 990), Set.of("sub_type", "sub_code")),
                        SrcCode.SRC_CODE_SERVERCH,
                        "ftps"),
                Arguments.of(new Operation.RemoveSubserver("ftp"), SrcCode.SRC_CODE_SERVERRM, ""),
                Arguments.of(
                        new Operation.AddNotify(new NotifyDef("tcpip", "/bin/n")), SrcCode.SRC_CODE_NOTADD, "tcpip"),
                Arguments.of(new Operation.AddNotify(new NotifyDef("sshd", "/bin/n")), SrcCode.SRC_CODE_NOTADD, "sshd"),
                Arguments.of(new Operation.RemoveNotify("inetd"), SrcCode.SRC_CODE_NOTRM, ""));
    }

    @ParameterizedTest
    @MethodSource("successes")
    void validOperationsApplyWithTheirSuccessMessage(Operation op, SrcCode code, String arg) {
        Applied applied = assertInstanceOf(Applied.class, op.apply(fixture()));
        assertEquals(code, applied.code());
        assertEquals(arg, applied.arg());
    }

    @Test
    void renameCarriesOverToSubserversAndNotifyMethod() {
        Applied a =
                assertInstanceOf(
                        Applied.class, change("superd", Defs.subsystem("inetd2"), "subsysname").apply(fixture()));
        Registry r = a.next();
        assertEquals("inetd2", r.subsystems().get(1).subsysname());
        assertEquals("superd", r.subsystems().get(1).synonym());
        assertEquals(
                List.of(new SubserverDef("ftp", "inetd2", 21), new SubserverDef("telnet", "inetd2", 23)),
                r.subservers());
        assertEquals(List.of(new NotifyDef("inetd2", "/usr/bin/notify-inetd")), r.notifies());
    }

    @Test
    void rmssysRemovesItsSubserversAndNotifyMethodButNotTheGroupOnes() {
        Registry start =
                new Operation.AddNotify(new NotifyDef("tcpip", "/bin/g")).apply(fixture()) instanceof Applied a
                        ? a.next()
                        : null;
        Applied removed = assertInstanceOf(Applied.class, new Operation.RemoveSubsystem("superd").apply(start));
        assertEquals(
                List.of("sshd", "syslogd"),
                removed.next().subsystems().stream().map(SubsystemDef::subsysname).toList());
        assertEquals(List.of(), removed.next().subservers());
        assertEquals(List.of(new NotifyDef("tcpip", "/bin/g")), removed.next().notifies());
    }

    @Test
    void changeKeepsOdmOrderAndAddAppends() {
        Registry r = ((Applied) change("inetd", Defs.subsystem("x").cmdargs("-d"), "cmdargs").apply(fixture())).next();
        r = ((Applied) add(Defs.subsystem("cron")).apply(r)).next();
        r =
                ((Applied)
                                new Operation.ChangeSubserver("ftp", new SubserverDef("", "", 2121), Set.of("sub_code"))
                                        .apply(r))
                        .next();
        assertEquals(
                List.of("sshd", "inetd", "syslogd", "cron"),
                r.subsystems().stream().map(SubsystemDef::subsysname).toList());
        assertEquals("-d", r.subsystems().get(1).cmdargs());
        assertEquals(List.of("ftp", "telnet"), r.subservers().stream().map(SubserverDef::subType).toList());
        assertEquals(2121, r.subservers().get(0).subCode());
    }

    @Test
    void contactChangedAwayFromSignalsDropsTheStopSignals() {
        Registry r = ((Applied) change("sshd", Defs.subsystem("x"), "contact").apply(fixture())).next();
        SubsystemDef sshd = r.subsystem("sshd").orElseThrow();
        assertEquals(SubsystemDef.Contact.SOCKET, sshd.contact());
        assertEquals("", sshd.signorm());
        assertEquals("", sshd.sigforce());
    }

    @Test
    void subserverGivenBySynonymIsStoredUnderTheSubsystemName() {
        Registry r =
                ((Applied) new Operation.AddSubserver(new SubserverDef("tftp", "superd", 69)).apply(fixture())).next();
        assertEquals(new SubserverDef("tftp", "inetd", 69), r.subserver("tftp").orElseThrow());
    }

    @Test
    void aSynonymMayBeKeptWhenRenaming() {
        assertInstanceOf(
                Applied.class, change("inetd", Defs.subsystem("x").synonym("superd"), "synonym").apply(fixture()));
    }
}
