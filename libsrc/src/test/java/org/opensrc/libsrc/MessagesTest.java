package org.opensrc.libsrc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensrc.proto.v1.SrcCode;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The catalog against AIX: every number from {@code srcerrno.h} (AIX 4.1.3, {@code SRC_X -9NNN} is message 0513-NNN)
 * and every text from {@code src.msg} as quoted in {@code reference/aix-src.md} §5.8 and {@code
 * reference/aix-audit-2026-12-01.md}. The table below is written from those sources, not from {@link Messages}.
 */
class MessagesTest {

    /** AIX number, AIX constant (srcerrno.h), our enum, the 0513 text with %s. */
    record Aix(int number, String aixConstant, SrcCode code, String text) {
        @Override
        public String toString() {
            return String.format("0513-%03d %s", number, aixConstant);
        }
    }

    static Stream<Aix> aixCatalog() {
        return Stream.of(
                new Aix(1, "SRC_DMNA", SrcCode.SRC_CODE_DMNA, "The System Resource Controller daemon is not active."),
                new Aix(
                        2,
                        "SRC_ICMD",
                        SrcCode.SRC_CODE_ICMD,
                        "The System Resource Controller has received a request that\n"
                                + "it does not understand and could not service."),
                new Aix(4, "SRC_SVND", SrcCode.SRC_CODE_SVND, "The Subsystem or Group, %s, is currently inoperative."),
                new Aix(5, "SRC_CONT", SrcCode.SRC_CODE_CONT, "The Subsystem, %s, only supports signal communication."),
                new Aix(
                        6,
                        "SRC_STPG",
                        SrcCode.SRC_CODE_STPG,
                        "The Subsystem, %s, is currently stopping its execution."),
                new Aix(
                        7,
                        "SRC_PARM",
                        SrcCode.SRC_CODE_PARM,
                        "The options specified are not valid for this command.\n"
                                + "Please reference your manual for valid options."),
                new Aix(8, "SRC_TYPE", SrcCode.SRC_CODE_TYPE, "The subserver type, %s, is not on file."),
                new Aix(
                        12,
                        "SRC_SUBSYSID",
                        SrcCode.SRC_CODE_SUBSYSID,
                        "The %s Subsystem could not be started.\n"
                                + "The Subsystem's user id could not be established.\n"
                                + "Please check the Subsystem's user id and try again."),
                new Aix(
                        13,
                        "SRC_AUDITID",
                        SrcCode.SRC_CODE_AUDITID,
                        "The %s Subsystem could not be started.\n"
                                + "The Subsystem's audit id could not be established.\n"
                                + "Please check the Subsystem's audit id and try again."),
                new Aix(
                        14,
                        "SRC_BADSOCK",
                        SrcCode.SRC_CODE_BADSOCK,
                        "The request could not be passed to the %s subsystem.\n"
                                + "The System Resource Controller is experiencing problems with\n"
                                + "the subsystem's communication socket."),
                new Aix(
                        15,
                        "SRC_FEXE",
                        SrcCode.SRC_CODE_FEXE,
                        "The %s Subsystem could not be started.\n"
                                + "Please check subsystem resources and try again later."),
                new Aix(
                        17,
                        "SRC_SVKO",
                        SrcCode.SRC_CODE_SVKO,
                        "The %s Subsystem ended abnormally. You must manually restart it."),
                new Aix(
                        18,
                        "SRC_INVALID_USER_ROOT",
                        SrcCode.SRC_CODE_INVALID_USER_ROOT,
                        "System Resource Controller requires that you be running as root\n"
                                + "when a remote host is specified for a request."),
                new Aix(
                        19,
                        "SRC_INVALID_USER",
                        SrcCode.SRC_CODE_INVALID_USER,
                        "System Resource Controller requires that you be running as \n"
                                + "root or be part of the group system for local requests."),
                new Aix(
                        20,
                        "SRC_TRYX",
                        SrcCode.SRC_CODE_TRYX,
                        "The %s Subsystem did not end normally.\n"
                                + "The subsystem respawn limit has been exceeded.\n"
                                + "Check the Subsystem and restart it manually."),
                new Aix(
                        21,
                        "SRC_RES",
                        SrcCode.SRC_CODE_RES,
                        "The subserver is not on file or subserver is not currently active.\n"
                                + "Check your subserver entries and try again."),
                new Aix(
                        25,
                        "SRC_DUP",
                        SrcCode.SRC_CODE_DUP,
                        "The Subserver exists under another name. Duplicates are not allowed."),
                new Aix(
                        27,
                        "SRC_INET_AUTHORIZED_HOST",
                        SrcCode.SRC_CODE_INET_AUTHORIZED_HOST,
                        "Your host is not specified in the /etc/hosts.equiv file on the remote\n"
                                + "host. Your host may only execute remote System Resource Controller\n"
                                + "requests if your host name appears in the remote host's\n"
                                + "/etc/hosts.equiv file."),
                new Aix(
                        29,
                        "SRC_MULT",
                        SrcCode.SRC_CODE_MULT,
                        "The %s Subsystem is already active.\n" + "Multiple instances are not supported."),
                new Aix(
                        31,
                        "SRC_WICH",
                        SrcCode.SRC_CODE_WICH,
                        "Multiple instances of the Subsystem exist.\n"
                                + "Specify the Subsystem Process ID and try your command again."),
                new Aix(
                        35,
                        "SRC_RSTRT",
                        SrcCode.SRC_CODE_RSTRT,
                        "The %s Subsystem ended abnormally. SRC will try and restart it."),
                new Aix(
                        36,
                        "SRC_NSVR",
                        SrcCode.SRC_CODE_NSVR,
                        "The request could not be passed to the %s subsystem.\n"
                                + "Start the subsystem and try your command again."),
                new Aix(37, "SRC_ACTV", SrcCode.SRC_CODE_ACTV, "The System Resource Controller is already active."),
                new Aix(43, "SRC_STPF", SrcCode.SRC_CODE_STPF, "The stop of the %s Subsystem failed."),
                // modern AIX wording (observed); 4.1 said "...was completed successfully."
                new Aix(44, "SRC_STPOK", SrcCode.SRC_CODE_STPOK, "The %s Subsystem was requested to stop."),
                new Aix(
                        46,
                        "SRC_INPT",
                        SrcCode.SRC_CODE_INPT,
                        "The %s Subsystem could not be started. \n"
                                + "The Subsystem's standard in could not be established.\n"
                                + "Please check the Subsystem's standard in path and try again."),
                new Aix(
                        47,
                        "SRC_OUT",
                        SrcCode.SRC_CODE_OUT,
                        "The %s Subsystem could not be started. \n"
                                + "The Subsystem's standard out could not be established.\n"
                                + "Please check the Subsystem's standard out path and try again."),
                new Aix(
                        48,
                        "SRC_SERR",
                        SrcCode.SRC_CODE_SERR,
                        "The %s Subsystem could not be started. \n"
                                + "The Subsystem's standard error could not be established.\n"
                                + "Please check the Subsystem's standard error path and try again."),
                new Aix(
                        53,
                        "SRC_SOCK",
                        SrcCode.SRC_CODE_SOCK,
                        "The System Resource Controller is experiencing problems with its\n"
                                + "socket communications.\n"
                                + "If you specified a foreign host, try configuring Internet sockets and\n"
                                + "try your command again, otherwise contact System Administration."),
                new Aix(
                        54,
                        "SRC_UHOST",
                        SrcCode.SRC_CODE_UHOST,
                        "The host, %s, that you wish to send this command to is not a known host."),
                new Aix(56, "SRC_NORPLY", SrcCode.SRC_CODE_NORPLY, "Timeout waiting for command response."),
                new Aix(
                        57,
                        "SRC_SUBSOCK",
                        SrcCode.SRC_CODE_SUBSOCK,
                        "The %s Subsystem could not be started. \n"
                                + "The Subsystem's communication socket could not be established."),
                new Aix(
                        59,
                        "SRC_STRTOK",
                        SrcCode.SRC_CODE_STRTOK,
                        "The %s Subsystem has been started. Subsystem PID is %s."),
                new Aix(62, "SRC_SSME", SrcCode.SRC_CODE_SSME, "The %s Subsystem must exist to complete this command."),
                new Aix(63, "SRC_SVREXIST", SrcCode.SRC_CODE_SVREXIST, "Subserver type already exists on file."),
                new Aix(
                        64,
                        "SRC_SUBCODE",
                        SrcCode.SRC_CODE_SUBCODE,
                        "The Subsystem name and Subserver code point are already on file."),
                new Aix(65, "SRC_SVRADD", SrcCode.SRC_CODE_SVRADD, "The %s Subserver has been added."),
                new Aix(
                        67,
                        "SRC_NOTEXIST",
                        SrcCode.SRC_CODE_NOTEXIST,
                        "Notify method already exists with subsystem or group name."),
                new Aix(68, "SRC_NOTADD", SrcCode.SRC_CODE_NOTADD, "The %s Notify method has been added."),
                new Aix(70, "SRC_SUBSYN", SrcCode.SRC_CODE_SUBSYN, "Subsystem or synonym_name is already on file."),
                new Aix(71, "SRC_SUBADD", SrcCode.SRC_CODE_SUBADD, "The %s Subsystem has been added."),
                new Aix(73, "SRC_SERVERCH", SrcCode.SRC_CODE_SERVERCH, "The %s Subserver has been changed."),
                new Aix(75, "SRC_SUBEXIST", SrcCode.SRC_CODE_SUBEXIST, "The new subsystem name is already on file."),
                new Aix(76, "SRC_SYNEXIST", SrcCode.SRC_CODE_SYNEXIST, "The new synonym_name is already on file."),
                new Aix(77, "SRC_SUBCH", SrcCode.SRC_CODE_SUBCH, "Subsystem has been changed."),
                new Aix(79, "SRC_NOTRM", SrcCode.SRC_CODE_NOTRM, "Notify method has been removed."),
                new Aix(81, "SRC_SERVERRM", SrcCode.SRC_CODE_SERVERRM, "Subserver type has been removed."),
                new Aix(83, "SRC_SSYSRM", SrcCode.SRC_CODE_SSYSRM, "Subsystem has been Deleted."),
                new Aix(84, "SRC_NOREC", SrcCode.SRC_CODE_NOREC, "There were no records that matched your request."),
                new Aix(85, "SRC_SUBSYS", SrcCode.SRC_CODE_SUBSYS, "The %s Subsystem is not on file."),
                new Aix(86, "SRC_GROUP", SrcCode.SRC_CODE_GROUP, "The %s Group is not on file."),
                new Aix(
                        87,
                        "SRC_SUBICMD",
                        SrcCode.SRC_CODE_SUBICMD,
                        "The %s Subsystem has received a request that\n"
                                + "it does not understand and could not service.\n"
                                + "Contact System Administration."),
                new Aix(
                        88,
                        "SRC_BADFSIG",
                        SrcCode.SRC_CODE_BADFSIG,
                        "The stop force signal specified is an invalid signal.\n"
                                + "Change the signal number to a valid one and try again."),
                new Aix(
                        89,
                        "SRC_BADNSIG",
                        SrcCode.SRC_CODE_BADNSIG,
                        "The stop normal signal specified is an invalid signal.\n"
                                + "Change the signal number to a valid one and try again."),
                new Aix(
                        91,
                        "SRC_TRACONOK",
                        SrcCode.SRC_CODE_TRACONOK,
                        "The request to turn on tracing was completed successfully."),
                new Aix(92, "SRC_TRACONFAIL", SrcCode.SRC_CODE_TRACONFAIL, "The request to turn on tracing failed."),
                new Aix(
                        93,
                        "SRC_TRACOFFOK",
                        SrcCode.SRC_CODE_TRACOFFOK,
                        "The request to turn off tracing was completed successfully."),
                new Aix(94, "SRC_TRACOFFFAIL", SrcCode.SRC_CODE_TRACOFFFAIL, "The request to turn off tracing failed."),
                new Aix(
                        95,
                        "SRC_REFOK",
                        SrcCode.SRC_CODE_REFOK,
                        "The request for subsystem refresh was completed successfully."),
                new Aix(96, "SRC_REFFAIL", SrcCode.SRC_CODE_REFFAIL, "The request for subsystem refresh failed."),
                new Aix(
                        98,
                        "SRC_NOSUBSYS",
                        SrcCode.SRC_CODE_NOSUBSYS,
                        "The notify_name must exist as a subsystem name or a group name."),
                // the *2BIG family: "The <field> is too long. Only N bytes are allowed."
                new Aix(
                        99,
                        "SRC_NOTENAME2BIG",
                        SrcCode.SRC_CODE_NOTIFY_NAME_2BIG,
                        "The notify_name is too long. Only 29 bytes are allowed."),
                new Aix(
                        100,
                        "SRC_METHOD2BIG",
                        SrcCode.SRC_CODE_NOTIFY_METHOD_2BIG,
                        "The notify_method is too long. Only 255 bytes are allowed."),
                new Aix(
                        101,
                        "SRC_SUBTYP2BIG",
                        SrcCode.SRC_CODE_SUBTYPE_2BIG,
                        "The subserver_type is too long. Only 29 bytes are allowed."),
                new Aix(
                        102,
                        "SRC_SUBSYS2BIG",
                        SrcCode.SRC_CODE_SUBSYSNAME_2BIG,
                        "The subsystem_name is too long. Only 29 bytes are allowed."),
                new Aix(
                        103,
                        "SRC_SYN2BIG",
                        SrcCode.SRC_CODE_SYNONYM_2BIG,
                        "The synonym_name is too long. Only 29 bytes are allowed."),
                new Aix(
                        104,
                        "SRC_CMDARG2BIG",
                        SrcCode.SRC_CODE_CMDARGS_2BIG,
                        "The arguments is too long. Only 199 bytes are allowed."),
                new Aix(
                        105,
                        "SRC_PATH2BIG",
                        SrcCode.SRC_CODE_PATH_2BIG,
                        "The path is too long. Only 199 bytes are allowed."),
                new Aix(
                        108,
                        "SRC_STDIN2BIG",
                        SrcCode.SRC_CODE_STDIN_2BIG,
                        "The stdin is too long. Only 199 bytes are allowed."),
                new Aix(
                        109,
                        "SRC_STDOUT2BIG",
                        SrcCode.SRC_CODE_STDOUT_2BIG,
                        "The stdout is too long. Only 199 bytes are allowed."),
                new Aix(
                        110,
                        "SRC_STDERR2BIG",
                        SrcCode.SRC_CODE_STDERR_2BIG,
                        "The stderr is too long. Only 199 bytes are allowed."),
                new Aix(
                        111,
                        "SRC_GRPNAM2BIG",
                        SrcCode.SRC_CODE_GROUP_2BIG,
                        "The group_name is too long. Only 29 bytes are allowed."),
                new Aix(
                        112,
                        "SRC_ARG2BIG",
                        SrcCode.SRC_CODE_STARTARGS_2BIG,
                        "The startsrc argument is too long. Only 1200 bytes are allowed."),
                new Aix(
                        113,
                        "SRC_ENV2BIG",
                        SrcCode.SRC_CODE_ENV_2BIG,
                        "The environment is too long. Only 1200 bytes are allowed."),
                new Aix(
                        114,
                        "SRC_SUBOBJ2BIG",
                        SrcCode.SRC_CODE_OBJECT_2BIG,
                        "The subserver_object is too long. Only 29 bytes are allowed."),
                new Aix(
                        115,
                        "SRC_HOST2BIG",
                        SrcCode.SRC_CODE_HOST_2BIG,
                        "The host is too long. Only 255 bytes are allowed."),
                new Aix(
                        117,
                        "SRC_PRIORITY",
                        SrcCode.SRC_CODE_PRIORITY,
                        "Invalid Subsystem priority. Priority must be in the range 0-39."),
                new Aix(
                        118,
                        "SRC_MTYPE",
                        SrcCode.SRC_CODE_MTYPE,
                        "Invalid Subsystem message type. Message type must be greater than zero."),
                new Aix(119, "SRC_NONAME", SrcCode.SRC_CODE_NONAME, "You must specify the subsystem name."),
                new Aix(
                        120,
                        "SRC_NOPATH",
                        SrcCode.SRC_CODE_NOPATH,
                        "You must specify the path to the subsystem executable."),
                new Aix(
                        121,
                        "SRC_NOCONTACT",
                        SrcCode.SRC_CODE_NOCONTACT,
                        "You must specify the subsystem communication method."),
                new Aix(
                        123,
                        "SRC_REQLEN2BIG",
                        SrcCode.SRC_CODE_REQLEN2BIG,
                        "You may only pass 2000 bytes of information to the subsystem."),
                new Aix(124, "SRC_STRTSVROK", SrcCode.SRC_CODE_STRTSVROK, "The %s subserver has been started."),
                new Aix(125, "SRC_STRTSVRBAD", SrcCode.SRC_CODE_STRTSVRBAD, "The %s subserver could not be started."),
                new Aix(126, "SRC_STRTSVRDUP", SrcCode.SRC_CODE_STRTSVRDUP, "The %s subserver is already active."),
                new Aix(127, "SRC_STOPSVROK", SrcCode.SRC_CODE_STOPSVROK, "The %s subserver was stopped successfully."),
                new Aix(
                        128,
                        "SRC_STOPSVRBAD",
                        SrcCode.SRC_CODE_STOPSVRBAD,
                        "The %s subserver was not stopped successfully."),
                new Aix(
                        129,
                        "SRC_NOSUPPORT",
                        SrcCode.SRC_CODE_NOSUPPORT,
                        "The %s subsystem does not support the requested action."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aixCatalog")
    void everyEntryHasTheAixNumberAndText(Aix aix) {
        assertEquals(aix.number(), aix.code().getNumber(), aix.code() + " must carry AIX's number");
        assertEquals(aix.text(), Messages.catalog().get(aix.code()));
        String[] args = {"a1", "a2"};
        String filled = aix.text().replaceFirst("%s", "a1").replaceFirst("%s", "a2");
        assertEquals(String.format("0513-%03d %s", aix.number(), filled), Messages.render(aix.code(), args));
    }

    @Test
    void theCatalogHoldsExactlyTheAixTableAndEveryCodeHasAText() {
        Set<SrcCode> aix =
                aixCatalog().map(Aix::code).collect(Collectors.toCollection(() -> EnumSet.noneOf(SrcCode.class)));
        assertEquals(aix, Messages.catalog().keySet(), "catalog entries without an AIX row, or AIX rows missing");
        List<SrcCode> withoutText =
                Arrays.stream(SrcCode.values())
                        .filter(
                                c ->
                                        c != SrcCode.UNRECOGNIZED
                                                && c != SrcCode.SRC_CODE_UNSPECIFIED
                                                && c != SrcCode.SRC_CODE_SUBMSG)
                        .filter(c -> !Messages.catalog().containsKey(c))
                        .toList();
        assertTrue(withoutText.isEmpty(), "codes without a catalog text: " + withoutText);
    }

    /** The entries whose src.msg text has a line break inside it, with the number of lines AIX prints. */
    static Stream<Arguments> multiLineEntries() {
        return Stream.of(
                Arguments.of(SrcCode.SRC_CODE_ICMD, 2),
                Arguments.of(SrcCode.SRC_CODE_PARM, 2),
                Arguments.of(SrcCode.SRC_CODE_SUBSYSID, 3),
                Arguments.of(SrcCode.SRC_CODE_AUDITID, 3),
                Arguments.of(SrcCode.SRC_CODE_BADSOCK, 3),
                Arguments.of(SrcCode.SRC_CODE_FEXE, 2),
                Arguments.of(SrcCode.SRC_CODE_INVALID_USER_ROOT, 2),
                Arguments.of(SrcCode.SRC_CODE_INVALID_USER, 2),
                Arguments.of(SrcCode.SRC_CODE_TRYX, 3),
                Arguments.of(SrcCode.SRC_CODE_RES, 2),
                Arguments.of(SrcCode.SRC_CODE_INET_AUTHORIZED_HOST, 4),
                Arguments.of(SrcCode.SRC_CODE_MULT, 2),
                Arguments.of(SrcCode.SRC_CODE_WICH, 2),
                Arguments.of(SrcCode.SRC_CODE_NSVR, 2),
                Arguments.of(SrcCode.SRC_CODE_INPT, 3),
                Arguments.of(SrcCode.SRC_CODE_OUT, 3),
                Arguments.of(SrcCode.SRC_CODE_SERR, 3),
                Arguments.of(SrcCode.SRC_CODE_SOCK, 4),
                Arguments.of(SrcCode.SRC_CODE_SUBSOCK, 2),
                Arguments.of(SrcCode.SRC_CODE_SUBICMD, 3),
                Arguments.of(SrcCode.SRC_CODE_BADFSIG, 2),
                Arguments.of(SrcCode.SRC_CODE_BADNSIG, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multiLineEntries")
    void aMultiLineEntryPrintsOnAsManyLinesAsAixAndLogsOnOne(SrcCode code, int lines) {
        String printed = Messages.render(code, "a1");
        assertEquals(lines, printed.split("\n", -1).length, printed);
        assertTrue(printed.startsWith(String.format("0513-%03d ", code.getNumber())), printed);
        String logged = Messages.oneLine(code, "a1");
        assertFalse(logged.contains("\n"), logged);
        assertFalse(logged.contains("  "), logged);
        assertEquals(printed.replace(" \n", " ").replace("\n", " "), logged);
    }

    @Test
    void everyOtherEntryIsOneLine() {
        Set<SrcCode> multi =
                multiLineEntries()
                        .map(a -> (SrcCode) a.get()[0])
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SrcCode.class)));
        List<SrcCode> unexpected =
                Messages.catalog().entrySet().stream()
                        .filter(e -> e.getValue().contains("\n") != multi.contains(e.getKey()))
                        .map(Map.Entry::getKey)
                        .toList();
        assertTrue(unexpected.isEmpty(), "line breaks differ from src.msg: " + unexpected);
    }

    @Test
    void alreadyActivePrintsItsSecondSentenceOnTheNextLineAsAix() {
        assertEquals(
                "0513-029 The sshd Subsystem is already active.\nMultiple instances are not supported.",
                Messages.render(SrcCode.SRC_CODE_MULT, "sshd"));
    }

    @Test
    void theTooLongFamilySkips106And107AsAixDoes() {
        assertEquals(108, SrcCode.SRC_CODE_STDIN_2BIG.getNumber());
        assertEquals(111, SrcCode.SRC_CODE_GROUP_2BIG.getNumber());
        assertEquals(112, SrcCode.SRC_CODE_STARTARGS_2BIG.getNumber());
        assertEquals(null, SrcCode.forNumber(106));
        assertEquals(null, SrcCode.forNumber(107));
    }
}
