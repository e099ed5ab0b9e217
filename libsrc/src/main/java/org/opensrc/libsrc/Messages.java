package org.opensrc.libsrc;

import java.util.List;
import java.util.Map;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.SrcCode;

/**
 * The SRC message catalog: AIX {@code 0513-NNN} texts, with {@code %s} filled from the
 * message's arguments in order. Texts follow the AIX catalog (modern wording where modern
 * output is known, e.g. 0513-044).
 */
public final class Messages {

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(1, "The System Resource Controller daemon is not active."),
            Map.entry(2, "The System Resource Controller has received a request that it does not understand and could not service."),
            Map.entry(4, "The Subsystem or Group, %s, is currently inoperative."),
            Map.entry(5, "The Subsystem, %s, only supports signal communication."),
            Map.entry(6, "The Subsystem, %s, is currently stopping its execution."),
            Map.entry(7, "The options specified are not valid for this command. Please reference your manual for valid options."),
            Map.entry(8, "The subserver type, %s, is not on file."),
            Map.entry(12, "The %s Subsystem could not be started. The Subsystem's user id could not be established. Please check the Subsystem's user id and try again."),
            Map.entry(13, "The %s Subsystem could not be started. The Subsystem's audit id could not be established. Please check the Subsystem's audit id and try again."),
            Map.entry(14, "The request could not be passed to the %s subsystem. The System Resource Controller is experiencing problems with the subsystem's communication socket."),
            Map.entry(15, "The %s Subsystem could not be started. Please check subsystem resources and try again later."),
            Map.entry(17, "The %s Subsystem ended abnormally. You must manually restart it."),
            Map.entry(18, "System Resource Controller requires that you be running as root when a remote host is specified for a request."),
            Map.entry(19, "System Resource Controller requires that you be running as root or be part of the group system for local requests."),
            Map.entry(20, "The %s Subsystem did not end normally. The subsystem respawn limit has been exceeded. Check the Subsystem and restart it manually."),
            Map.entry(21, "The subserver is not on file or subserver is not currently active. Check your subserver entries and try again."),
            Map.entry(25, "The Subserver exists under another name. Duplicates are not allowed."),
            Map.entry(27, "Your host is not specified in the /etc/hosts.equiv file on the remote host. The request was denied."),
            Map.entry(29, "The %s Subsystem is already active. Multiple instances are not supported."),
            Map.entry(31, "Multiple instances of the Subsystem exist. Specify the Subsystem Process ID and try your command again."),
            Map.entry(35, "The %s Subsystem ended abnormally. SRC will try and restart it."),
            Map.entry(36, "The request could not be passed to the %s subsystem. Start the subsystem and try your command again."),
            Map.entry(37, "The System Resource Controller is already active."),
            Map.entry(43, "The stop of the %s Subsystem failed."),
            Map.entry(44, "The %s Subsystem was requested to stop."),
            Map.entry(46, "The %s Subsystem could not be started. The Subsystem's standard in could not be established. Please check the Subsystem's standard in path and try again."),
            Map.entry(47, "The %s Subsystem could not be started. The Subsystem's standard out could not be established. Please check the Subsystem's standard out path and try again."),
            Map.entry(48, "The %s Subsystem could not be started. The Subsystem's standard error could not be established. Please check the Subsystem's standard error path and try again."),
            Map.entry(53, "The System Resource Controller is experiencing problems with its socket communications. If you specified a foreign host, try configuring Internet sockets and try the command again."),
            Map.entry(54, "The host, %s, that you wish to send this command to is not a known host."),
            Map.entry(56, "Timeout waiting for command response."),
            Map.entry(57, "The %s Subsystem could not be started. The Subsystem's communication socket could not be established. Please try again later."),
            Map.entry(59, "The %s Subsystem has been started. Subsystem PID is %s."),
            Map.entry(62, "The %s Subsystem must exist to complete this command."),
            Map.entry(63, "Subserver type already exists on file."),
            Map.entry(64, "The Subsystem name and Subserver code point are already on file."),
            Map.entry(65, "The %s Subserver has been added."),
            Map.entry(67, "Notify method already exists with subsystem or group name."),
            Map.entry(68, "The %s Notify method has been added."),
            Map.entry(70, "Subsystem or synonym_name is already on file."),
            Map.entry(71, "The %s Subsystem has been added."),
            Map.entry(73, "The %s Subserver has been changed."),
            Map.entry(75, "The new subsystem name is already on file."),
            Map.entry(76, "The new synonym_name is already on file."),
            Map.entry(77, "Subsystem has been changed."),
            Map.entry(79, "Notify method has been removed."),
            Map.entry(81, "Subserver type has been removed."),
            Map.entry(83, "Subsystem has been Deleted."),
            Map.entry(84, "There were no records that matched your request."),
            Map.entry(85, "The %s Subsystem is not on file."),
            Map.entry(86, "The %s Group is not on file."),
            Map.entry(87, "The %s Subsystem has received a request that it does not understand and could not service. Contact System Administration."),
            Map.entry(88, "The stop force signal specified is an invalid signal. Please specify a valid signal."),
            Map.entry(89, "The stop normal signal specified is an invalid signal. Please specify a valid signal."),
            Map.entry(91, "The request to turn on tracing was completed successfully."),
            Map.entry(92, "The request to turn on tracing failed."),
            Map.entry(93, "The request to turn off tracing was completed successfully."),
            Map.entry(94, "The request to turn off tracing failed."),
            Map.entry(95, "The request for subsystem refresh was completed successfully."),
            Map.entry(96, "The request for subsystem refresh failed."),
            Map.entry(98, "The notify_name must exist as a subsystem name or a group name."),
            Map.entry(99, "The notify_name is too long. Only 29 bytes are allowed."),
            Map.entry(100, "The notify_method is too long. Only 255 bytes are allowed."),
            Map.entry(101, "The subserver_type is too long. Only 29 bytes are allowed."),
            Map.entry(102, "The subsystem_name is too long. Only 29 bytes are allowed."),
            Map.entry(103, "The synonym_name is too long. Only 29 bytes are allowed."),
            Map.entry(104, "The arguments are too long. Only 199 bytes are allowed."),
            Map.entry(105, "The path is too long. Only 199 bytes are allowed."),
            Map.entry(106, "The stdin is too long. Only 199 bytes are allowed."),
            Map.entry(107, "The stdout is too long. Only 199 bytes are allowed."),
            Map.entry(108, "The stderr is too long. Only 199 bytes are allowed."),
            Map.entry(109, "The group_name is too long. Only 29 bytes are allowed."),
            Map.entry(110, "The startsrc argument is too long. Only 2400 bytes are allowed."),
            Map.entry(111, "The environment is too long. Only 2400 bytes are allowed."),
            Map.entry(112, "The subserver_object is too long. Only 29 bytes are allowed."),
            Map.entry(115, "The host is too long. Only 255 bytes are allowed."),
            Map.entry(117, "Invalid Subsystem priority. Priority must be in the range 0-39."),
            Map.entry(118, "Invalid Subsystem message type. Message type must be greater than zero."),
            Map.entry(119, "You must specify the subsystem name."),
            Map.entry(120, "You must specify the path to the subsystem executable."),
            Map.entry(121, "You must specify the subsystem communication method."),
            Map.entry(123, "You may only pass 2000 bytes of information to the subsystem."),
            Map.entry(124, "The %s subserver has been started."),
            Map.entry(125, "The %s subserver could not be started."),
            Map.entry(126, "The %s subserver is already active."),
            Map.entry(127, "The %s subserver was stopped successfully."),
            Map.entry(128, "The %s subserver was not stopped successfully."),
            Map.entry(129, "The %s subsystem does not support the requested action."));

    private Messages() {}

    /** "0513-NNN text" for a catalog message. */
    public static String render(SrcCode code, List<String> args) {
        int n = code.getNumber();
        String text = TEXTS.get(n);
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

    /**
     * What an outcome prints: the subsystem's own text (SRC_SUBMSG), or the catalog
     * message followed, on the next line, by the subsystem's explanation when it gave one.
     */
    public static String render(Outcome outcome) {
        if (outcome.getCode() == SrcCode.SRC_CODE_SUBMSG) {
            return SafeText.lines(outcome.getText());
        }
        String message = render(outcome.getCode(), outcome.getArgsList());
        return outcome.getText().isEmpty() ? message : message + System.lineSeparator() + SafeText.lines(outcome.getText());
    }

    /** Whether an outcome reports success (the commands' exit status depends on it). */
    public static boolean isSuccess(SrcCode code) {
        return switch (code) {
            case SRC_CODE_UNSPECIFIED, SRC_CODE_STRTOK, SRC_CODE_STPOK, SRC_CODE_SUBADD, SRC_CODE_SUBCH,
                 SRC_CODE_SSYSRM, SRC_CODE_SVRADD, SRC_CODE_SERVERCH, SRC_CODE_SERVERRM, SRC_CODE_NOTADD,
                 SRC_CODE_NOTRM, SRC_CODE_TRACONOK, SRC_CODE_TRACOFFOK, SRC_CODE_REFOK, SRC_CODE_STRTSVROK,
                 SRC_CODE_STOPSVROK, SRC_CODE_SUBMSG, SRC_CODE_RSTRT -> true;
            default -> false;
        };
    }
}
