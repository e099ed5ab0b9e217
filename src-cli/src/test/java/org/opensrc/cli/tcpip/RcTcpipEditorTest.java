package org.opensrc.cli.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

class RcTcpipEditorTest {

    static final String RC =
            """
            # Uncomment what this host should run at boot.
            start "$opensrc/bin/inetd" "$src_running"
            start /usr/sbin/rsyslogd "$src_running"
            #start /usr/sbin/sshd "$src_running"
            # Routing: gated and routed conflict; start at most one.
            #start /usr/sbin/routed "$src_running" -q
            """;

    static String changed(RcTcpipEditor.Result result) {
        return ((RcTcpipEditor.Changed) result).text();
    }

    @Test
    void enableUncommentsTheDaemonsStartLine() {
        var result = (RcTcpipEditor.Changed) RcTcpipEditor.enable(RC, "sshd");
        assertEquals(RC.replace("#start /usr/sbin/sshd", "start /usr/sbin/sshd"), result.text());
        assertEquals(new RcTcpipEditor.StartLine(3, "/usr/sbin/sshd", List.of(), true), result.line());
    }

    @Test
    void theWordsAfterSrcRunningAreTheDaemonsArguments() {
        var result = (RcTcpipEditor.Changed) RcTcpipEditor.enable(RC, "routed");
        assertEquals(List.of("-q"), result.line().args());
    }

    @Test
    void disableCommentsTheLineOutWithAPlainHashAsAixDoes() {
        assertEquals(RC.replace("start \"$opensrc", "#start \"$opensrc"), changed(RcTcpipEditor.disable(RC, "inetd")));
    }

    @Test
    void disableThenEnableGivesBackTheFileByteForByte() {
        assertEquals(RC, changed(RcTcpipEditor.enable(changed(RcTcpipEditor.disable(RC, "rsyslogd")), "rsyslogd")));
    }

    @Test
    void aDaemonMayBeNamedByItsPath() {
        assertEquals(
                RC.replace("start /usr/sbin/rsyslogd", "#start /usr/sbin/rsyslogd"),
                changed(RcTcpipEditor.disable(RC, "/usr/sbin/rsyslogd")));
    }

    @Test
    void whatIsAlreadySoChangesNothing() {
        assertEquals(
                new RcTcpipEditor.Unchanged(
                        Optional.of(new RcTcpipEditor.StartLine(2, "/usr/sbin/rsyslogd", List.of(), true))),
                RcTcpipEditor.enable(RC, "rsyslogd"));
        assertEquals(
                new RcTcpipEditor.Unchanged(
                        Optional.of(new RcTcpipEditor.StartLine(3, "/usr/sbin/sshd", List.of(), false))),
                RcTcpipEditor.disable(RC, "sshd"));
        assertEquals(new RcTcpipEditor.Unchanged(Optional.empty()), RcTcpipEditor.disable(RC, "named"));
    }

    @Test
    void enablingADaemonWithoutAStartLineIsRefused() {
        assertEquals(new RcTcpipEditor.Refused("there is no start line for named"), RcTcpipEditor.enable(RC, "named"));
    }

    @Test
    void commentTextThatBeginsWithStartIsNotAStartLine() {
        String rc = "# start at most one\n#start the daemons \"below\"\n";
        assertEquals(new RcTcpipEditor.Refused("there is no start line for most"), RcTcpipEditor.enable(rc, "most"));
    }
}
