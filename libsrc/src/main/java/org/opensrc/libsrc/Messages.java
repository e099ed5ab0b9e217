package org.opensrc.libsrc;

import static java.util.Map.entry;

import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.SrcCode;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SRC message catalog: AIX {@code 0513-NNN} texts, with {@code %s} filled from the message's arguments in order.
 * One table keyed by {@link SrcCode}, whose numbers are AIX's {@code srcerrno.h} numbers; texts follow AIX's {@code
 * src.msg} (modern wording where modern output is known, e.g. 0513-044), line breaks included: AIX prints 0513-029 as
 * "...is already active." and "Multiple instances are not supported." on two lines, and so do the commands ({@link
 * #render}). Logs, which keep one event per line, use {@link #oneLine}. {@code MessagesTest} checks every entry's
 * number and text against a table written from the reference.
 */
public final class Messages {

    /** A line break of the catalog's texts, with the blanks before it. */
    private static final Pattern LINE_BREAK = Pattern.compile(" *\n");

    /** The catalog: one entry per {@link SrcCode}; the message number is the enum's number. */
    private static final Map<SrcCode, String> TEXTS =
            table(
                    entry(SrcCode.SRC_CODE_DMNA, "The System Resource Controller daemon is not active."),
                    entry(
                            SrcCode.SRC_CODE_ICMD,
                            "The System Resource Controller has received a request that\n"
                                    + "it does not understand and could not service."),
                    entry(SrcCode.SRC_CODE_SVND, "The Subsystem or Group, %s, is currently inoperative."),
                    entry(SrcCode.SRC_CODE_CONT, "The Subsystem, %s, only supports signal communication."),
                    entry(SrcCode.SRC_CODE_STPG, "The Subsystem, %s, is currently stopping its execution."),
                    entry(
                            SrcCode.SRC_CODE_PARM,
                            "The options specified are not valid for this command.\n"
                                    + "Please reference your manual for valid options."),
                    entry(SrcCode.SRC_CODE_TYPE, "The subserver type, %s, is not on file."),
                    entry(
                            SrcCode.SRC_CODE_SUBSYSID,
                            "The %s Subsystem could not be started.\n"
                                    + "The Subsystem's user id could not be established.\n"
                                    + "Please check the Subsystem's user id and try again."),
                    entry(
                            SrcCode.SRC_CODE_AUDITID,
                            "The %s Subsystem could not be started.\n"
                                    + "The Subsystem's audit id could not be established.\n"
                                    + "Please check the Subsystem's audit id and try again."),
                    entry(
                            SrcCode.SRC_CODE_BADSOCK,
                            "The request could not be passed to the %s subsystem.\n"
                                    + "The System Resource Controller is experiencing problems with\n"
                                    + "the subsystem's communication socket."),
                    entry(
                            SrcCode.SRC_CODE_FEXE,
                            "The %s Subsystem could not be started.\n"
                                    + "Please check subsystem resources and try again later."),
                    entry(SrcCode.SRC_CODE_SVKO, "The %s Subsystem ended abnormally. You must manually restart it."),
                    entry(
                            SrcCode.SRC_CODE_INVALID_USER_ROOT,
                            "System Resource Controller requires that you be running as root\n"
                                    + "when a remote host is specified for a request."),
                    entry(
                            SrcCode.SRC_CODE_INVALID_USER,
                            "System Resource Controller requires that you be running as \n"
                                    + "root or be part of the group system for local requests."),
                    entry(
                            SrcCode.SRC_CODE_TRYX,
                            "The %s Subsystem did not end normally.\n"
                                    + "The subsystem respawn limit has been exceeded.\n"
                                    + "Check the Subsystem and restart it manually."),
                    entry(
                            SrcCode.SRC_CODE_RES,
                            "The subserver is not on file or subserver is not currently active.\n"
                                    + "Check your subserver entries and try again."),
                    entry(SrcCode.SRC_CODE_DUP, "The Subserver exists under another name. Duplicates are not allowed."),
                    entry(
                            SrcCode.SRC_CODE_INET_AUTHORIZED_HOST,
                            "Your host is not specified in the /etc/hosts.equiv file on the remote\n"
                                    + "host. Your host may only execute remote System Resource Controller\n"
                                    + "requests if your host name appears in the remote host's\n"
                                    + "/etc/hosts.equiv file."),
                    entry(
                            SrcCode.SRC_CODE_MULT,
                            "The %s Subsystem is already active.\n" + "Multiple instances are not supported."),
                    entry(
                            SrcCode.SRC_CODE_WICH,
                            "Multiple instances of the Subsystem exist.\n"
                                    + "Specify the Subsystem Process ID and try your command again."),
                    entry(SrcCode.SRC_CODE_RSTRT, "The %s Subsystem ended abnormally. SRC will try and restart it."),
                    entry(
                            SrcCode.SRC_CODE_NSVR,
                            "The request could not be passed to the %s subsystem.\n"
                                    + "Start the subsystem and try your command again."),
                    entry(SrcCode.SRC_CODE_ACTV, "The System Resource Controller is already active."),
                    entry(SrcCode.SRC_CODE_STPF, "The stop of the %s Subsystem failed."),
                    entry(SrcCode.SRC_CODE_STPOK, "The %s Subsystem was requested to stop."),
                    entry(
                            SrcCode.SRC_CODE_INPT,
                            "The %s Subsystem could not be started. \n"
                                    + "The Subsystem's standard in could not be established.\n"
                                    + "Please check the Subsystem's standard in path and try again."),
                    entry(
                            SrcCode.SRC_CODE_OUT,
                            "The %s Subsystem could not be started. \n"
                                    + "The Subsystem's standard out could not be established.\n"
                                    + "Please check the Subsystem's standard out path and try again."),
                    entry(
                            SrcCode.SRC_CODE_SERR,
                            "The %s Subsystem could not be started. \n"
                                    + "The Subsystem's standard error could not be established.\n"
                                    + "Please check the Subsystem's standard error path and try again."),
                    entry(
                            SrcCode.SRC_CODE_SOCK,
                            "The System Resource Controller is experiencing problems with its\n"
                                    + "socket communications.\n"
                                    + "If you specified a foreign host, try configuring Internet sockets and\n"
                                    + "try your command again, otherwise contact System Administration."),
                    entry(
                            SrcCode.SRC_CODE_UHOST,
                            "The host, %s, that you wish to send this command to is not a known host."),
                    entry(SrcCode.SRC_CODE_NORPLY, "Timeout waiting for command response."),
                    entry(
                            SrcCode.SRC_CODE_SUBSOCK,
                            "The %s Subsystem could not be started. \n"
                                    + "The Subsystem's communication socket could not be established."),
                    entry(SrcCode.SRC_CODE_STRTOK, "The %s Subsystem has been started. Subsystem PID is %s."),
                    entry(SrcCode.SRC_CODE_SSME, "The %s Subsystem must exist to complete this command."),
                    entry(SrcCode.SRC_CODE_SVREXIST, "Subserver type already exists on file."),
                    entry(SrcCode.SRC_CODE_SUBCODE, "The Subsystem name and Subserver code point are already on file."),
                    entry(SrcCode.SRC_CODE_SVRADD, "The %s Subserver has been added."),
                    entry(SrcCode.SRC_CODE_NOTEXIST, "Notify method already exists with subsystem or group name."),
                    entry(SrcCode.SRC_CODE_NOTADD, "The %s Notify method has been added."),
                    entry(SrcCode.SRC_CODE_SUBSYN, "Subsystem or synonym_name is already on file."),
                    entry(SrcCode.SRC_CODE_SUBADD, "The %s Subsystem has been added."),
                    entry(SrcCode.SRC_CODE_SERVERCH, "The %s Subserver has been changed."),
                    entry(SrcCode.SRC_CODE_SUBEXIST, "The new subsystem name is already on file."),
                    entry(SrcCode.SRC_CODE_SYNEXIST, "The new synonym_name is already on file."),
                    entry(SrcCode.SRC_CODE_SUBCH, "Subsystem has been changed."),
                    entry(SrcCode.SRC_CODE_NOTRM, "Notify method has been removed."),
                    entry(SrcCode.SRC_CODE_SERVERRM, "Subserver type has been removed."),
                    entry(SrcCode.SRC_CODE_SSYSRM, "Subsystem has been Deleted."),
                    entry(SrcCode.SRC_CODE_NOREC, "There were no records that matched your request."),
                    entry(SrcCode.SRC_CODE_SUBSYS, "The %s Subsystem is not on file."),
                    entry(SrcCode.SRC_CODE_GROUP, "The %s Group is not on file."),
                    entry(
                            SrcCode.SRC_CODE_SUBICMD,
                            "The %s Subsystem has received a request that\n"
                                    + "it does not understand and could not service.\n"
                                    + "Contact System Administration."),
                    entry(
                            SrcCode.SRC_CODE_BADFSIG,
                            "The stop force signal specified is an invalid signal.\n"
                                    + "Change the signal number to a valid one and try again."),
                    entry(
                            SrcCode.SRC_CODE_BADNSIG,
                            "The stop normal signal specified is an invalid signal.\n"
                                    + "Change the signal number to a valid one and try again."),
                    entry(SrcCode.SRC_CODE_TRACONOK, "The request to turn on tracing was completed successfully."),
                    entry(SrcCode.SRC_CODE_TRACONFAIL, "The request to turn on tracing failed."),
                    entry(SrcCode.SRC_CODE_TRACOFFOK, "The request to turn off tracing was completed successfully."),
                    entry(SrcCode.SRC_CODE_TRACOFFFAIL, "The request to turn off tracing failed."),
                    entry(SrcCode.SRC_CODE_REFOK, "The request for subsystem refresh was completed successfully."),
                    entry(SrcCode.SRC_CODE_REFFAIL, "The request for subsystem refresh failed."),
                    entry(SrcCode.SRC_CODE_NOSUBSYS, "The notify_name must exist as a subsystem name or a group name."),
                    entry(SrcCode.SRC_CODE_NOTIFY_NAME_2BIG, "The notify_name is too long. Only 29 bytes are allowed."),
                    entry(
                            SrcCode.SRC_CODE_NOTIFY_METHOD_2BIG,
                            "The notify_method is too long. Only 255 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_SUBTYPE_2BIG, "The subserver_type is too long. Only 29 bytes are allowed."),
                    entry(
                            SrcCode.SRC_CODE_SUBSYSNAME_2BIG,
                            "The subsystem_name is too long. Only 29 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_SYNONYM_2BIG, "The synonym_name is too long. Only 29 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_CMDARGS_2BIG, "The arguments is too long. Only 199 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_PATH_2BIG, "The path is too long. Only 199 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_STDIN_2BIG, "The stdin is too long. Only 199 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_STDOUT_2BIG, "The stdout is too long. Only 199 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_STDERR_2BIG, "The stderr is too long. Only 199 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_GROUP_2BIG, "The group_name is too long. Only 29 bytes are allowed."),
                    entry(
                            SrcCode.SRC_CODE_STARTARGS_2BIG,
                            "The startsrc argument is too long. Only 1200 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_ENV_2BIG, "The environment is too long. Only 1200 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_OBJECT_2BIG, "The subserver_object is too long. Only 29 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_HOST_2BIG, "The host is too long. Only 255 bytes are allowed."),
                    entry(SrcCode.SRC_CODE_PRIORITY, "Invalid Subsystem priority. Priority must be in the range 0-39."),
                    entry(
                            SrcCode.SRC_CODE_MTYPE,
                            "Invalid Subsystem message type. Message type must be greater than zero."),
                    entry(SrcCode.SRC_CODE_NONAME, "You must specify the subsystem name."),
                    entry(SrcCode.SRC_CODE_NOPATH, "You must specify the path to the subsystem executable."),
                    entry(SrcCode.SRC_CODE_NOCONTACT, "You must specify the subsystem communication method."),
                    entry(SrcCode.SRC_CODE_REQLEN2BIG, "You may only pass 2000 bytes of information to the subsystem."),
                    entry(SrcCode.SRC_CODE_STRTSVROK, "The %s subserver has been started."),
                    entry(SrcCode.SRC_CODE_STRTSVRBAD, "The %s subserver could not be started."),
                    entry(SrcCode.SRC_CODE_STRTSVRDUP, "The %s subserver is already active."),
                    entry(SrcCode.SRC_CODE_STOPSVROK, "The %s subserver was stopped successfully."),
                    entry(SrcCode.SRC_CODE_STOPSVRBAD, "The %s subserver was not stopped successfully."),
                    entry(SrcCode.SRC_CODE_NOSUPPORT, "The %s subsystem does not support the requested action."));

    private Messages() {}

    @SafeVarargs
    private static Map<SrcCode, String> table(Map.Entry<SrcCode, String>... entries) {
        Map<SrcCode, String> texts = new EnumMap<>(SrcCode.class);
        for (Map.Entry<SrcCode, String> e : entries) {
            if (texts.put(e.getKey(), e.getValue()) != null) {
                throw new IllegalStateException("two catalog texts for " + e.getKey());
            }
        }
        return Collections.unmodifiableMap(texts);
    }

    /** The whole catalog, for checking it against AIX's. */
    public static Map<SrcCode, String> catalog() {
        return TEXTS;
    }

    /** "0513-NNN text" for a catalog message, on as many lines as AIX prints it (lines end in {@code \n}). */
    public static String render(SrcCode code, List<String> args) {
        int n = code == SrcCode.UNRECOGNIZED ? -1 : code.getNumber();
        String text = code == SrcCode.UNRECOGNIZED ? null : TEXTS.get(code);
        if (text == null) {
            return String.format("0513-%03d", n);
        }
        StringBuilder out = new StringBuilder(String.format("0513-%03d ", n));
        int next = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("%s", i)) {
                out.append(next < args.size() ? SafeText.of(args.get(next++)) : "");
                i++;
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    public static String render(SrcCode code, String... args) {
        return render(code, List.of(args));
    }

    /** {@link #render} on one line (for a log): each line break of a multi-line text becomes one blank. */
    public static String oneLine(SrcCode code, List<String> args) {
        String text = render(code, args);
        return text.indexOf('\n') < 0 ? text : LINE_BREAK.matcher(text).replaceAll(" ");
    }

    public static String oneLine(SrcCode code, String... args) {
        return oneLine(code, List.of(args));
    }

    /**
     * What an outcome prints: the subsystem's own text (SRC_SUBMSG), or the catalog message followed, on the next line,
     * by the subsystem's explanation when it gave one.
     */
    public static String render(Outcome outcome) {
        if (outcome.getCode() == SrcCode.SRC_CODE_SUBMSG) {
            return SafeText.lines(outcome.getText());
        }
        String message = render(outcome.getCode(), outcome.getArgsList());
        return outcome.getText().isEmpty() ? message : message + "\n" + SafeText.lines(outcome.getText());
    }

    /** Whether an outcome reports success (the commands' exit status depends on it). */
    public static boolean isSuccess(SrcCode code) {
        return switch (code) {
            case SRC_CODE_UNSPECIFIED,
                    SRC_CODE_STRTOK,
                    SRC_CODE_STPOK,
                    SRC_CODE_SUBADD,
                    SRC_CODE_SUBCH,
                    SRC_CODE_SSYSRM,
                    SRC_CODE_SVRADD,
                    SRC_CODE_SERVERCH,
                    SRC_CODE_SERVERRM,
                    SRC_CODE_NOTADD,
                    SRC_CODE_NOTRM,
                    SRC_CODE_TRACONOK,
                    SRC_CODE_TRACOFFOK,
                    SRC_CODE_REFOK,
                    SRC_CODE_STRTSVROK,
                    SRC_CODE_STOPSVROK,
                    SRC_CODE_SUBMSG,
                    SRC_CODE_RSTRT ->
                    true;
            default -> false;
        };
    }
}
