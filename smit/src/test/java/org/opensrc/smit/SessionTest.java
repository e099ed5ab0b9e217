package org.opensrc.smit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

class SessionTest {
    private static final String SUBSYS =
            """
            #subsysname:synonym:cmdargs:path:uid:auditid:standin:standout:standerr:action:multi:contact:svrkey:svrmtype:priority:signorm:sigforce:display:waittime:grpname:
            inetd:::/usr/sbin/inetd:0:0:/dev/console:/dev/console:/dev/console:-O:-Q:-K:0:0:20:0:0:-d:20:tcpip:
            web::-x:/usr/sbin/httpd:0:0:/dev/null:/dev/null:/dev/null:-R:-Q:-S:0:0:20:TERM:KILL:-d:20::
            """;
    private final FakeRunner runner = new FakeRunner().answer("lssrc -S", 0, SUBSYS);
    private final RecordingRecorder recorder = new RecordingRecorder();

    private Session open(String fastPath) {
        return new Session(new SrcTree(), runner, recorder, fastPath);
    }

    private static String screen(Session s) {
        return String.join("\n", s.frame(24, 80).lines());
    }

    private static void type(Session s, String text) {
        for (char c : text.toCharArray()) {
            s.handle(Key.CHAR, String.valueOf(c));
        }
    }

    @Test
    void f4ListsTheSubsystemsAndEnterPutsThePickedOneInTheField() {
        Session s = open("startssys");
        s.handle(Key.F4, "");
        assertTrue(screen(s).contains("|   inetd"), screen(s));
        assertTrue(screen(s).contains("|   web"), screen(s));
        s.handle(Key.DOWN, "");
        s.handle(Key.ENTER, "");
        assertTrue(screen(s).contains("[web]"), screen(s));
    }

    @Test
    void enterShowsTheRunningStatusThenRunsTheCommandAndRecordsIt() {
        runner.answer("startsrc -s web", 0, "0513-059 The web Subsystem has been started. Subsystem PID is 7.\n");
        Session s = open("startssys");
        type(s, "web");
        s.handle(Key.ENTER, "");
        assertTrue(s.hasPending());
        assertTrue(screen(s).contains("Command: running"), screen(s));
        s.runPending();
        String out = screen(s);
        assertTrue(out.contains("Command: OK            stdout: yes           stderr: no"), out);
        assertTrue(out.contains("0513-059 The web Subsystem has been started."), out);
        assertEquals(List.of("started", "panel startssys", "command startsrc -s web -> 0"), recorder.events);
    }

    @Test
    void aRequiredFieldLeftEmptyStopsEnterWithAMessage() {
        Session s = open("rmssys");
        s.handle(Key.ENTER, "");
        assertFalse(s.hasPending());
        assertTrue(screen(s).contains("A value is required in these entry fields:"), screen(s));
    }

    @Test
    void removingAsksAreYouSureFirst() {
        Session s = open("rmssys");
        type(s, "web");
        s.handle(Key.ENTER, "");
        assertTrue(screen(s).contains("ARE YOU SURE?"), screen(s));
        s.handle(Key.ENTER, "");
        s.runPending();
        assertEquals(List.of("rmssys", "-s", "web"), runner.ran.getLast());
    }

    @Test
    void f6ShowsTheCommandWithoutRunningIt() {
        Session s = open("stopssys");
        type(s, "web");
        s.handle(Key.DOWN, "");
        s.handle(Key.DOWN, "");
        s.handle(Key.DOWN, "");
        s.handle(Key.TAB, "");
        s.handle(Key.TAB, "");
        s.handle(Key.F6, "");
        assertTrue(screen(s).contains("stopsrc -s web -c"), screen(s));
        assertFalse(s.hasPending());
    }

    @Test
    void changeShowFillsTheDialogFromLssrcAndRunsOnlyWhatChanged() {
        runner.answer(
                "lssrc -S -s web",
                0,
                SUBSYS.lines().limit(1).toList().getFirst() + "\n" + SUBSYS.lines().toList().get(2) + "\n");
        Session s = open("chssys");
        type(s, "web");
        s.handle(Key.ENTER, "");
        String dialog = screen(s);
        assertTrue(dialog.contains("Path to subsystem executable                       [/usr/sbin/httpd]"), dialog);
        assertTrue(dialog.contains("Communication method                               [signals]"), dialog);
        s.handle(Key.DOWN, "");
        s.handle(Key.DOWN, "");
        s.handle(Key.END, "");
        type(s, "y");
        s.handle(Key.ENTER, "");
        s.runPending();
        assertEquals(List.of("chssys", "-s", "web", "-a", "-xy"), runner.ran.getLast());
    }

    @Test
    void aMenuOpensItsItemsAndF3GoesBackThenExits() {
        Session s = open("src");
        assertTrue(screen(s).contains("Move cursor to desired item and press Enter."));
        s.handle(Key.DOWN, "");
        s.handle(Key.DOWN, "");
        s.handle(Key.ENTER, "");
        assertTrue(screen(s).contains("Start a Subsystem"));
        assertTrue(screen(s).contains("[Entry Fields]"));
        s.handle(Key.F3, "");
        assertTrue(screen(s).contains("System Resource Controller"));
        s.handle(Key.F3, "");
        assertTrue(s.done());
        assertEquals("exited", recorder.events.getLast());
    }

    @Test
    void aListingPanelRunsAtOnce() {
        Session s = open("lsssys");
        assertTrue(s.hasPending());
        s.runPending();
        assertEquals(List.of("lssrc", "-a"), runner.ran.getLast());
    }

    @Test
    void theScreenKeepsSmitsLayoutOnEightyByTwentyFour() {
        List<String> lines = open("startssys").frame(24, 80).lines();
        assertEquals(24, lines.size());
        assertEquals("                               Start a Subsystem", lines.get(0).stripTrailing());
        assertEquals("Type or select values in entry fields.", lines.get(2).strip());
        assertEquals("[Entry Fields]", lines.get(5).strip());
        assertEquals(
                "F1=Help             F2=Refresh          F3=Cancel           F4=List", lines.get(21).stripTrailing());
        assertEquals("F9=Shell            F10=Exit            Enter=Do", lines.get(23).stripTrailing());
    }

    @Test
    void anUnknownFastPathOpensTheSrcMenuWithAMessage() {
        Session s = open("nosuch");
        assertTrue(screen(s).contains("There is no fast path \"nosuch\"."), screen(s));
    }
}
