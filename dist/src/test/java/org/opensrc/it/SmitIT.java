package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * smitty in a real terminal (tmux, 80×24, TERM=xterm and TERM=vt100) against a real srcmstr: F4 lists the live
 * registry, Enter runs the real commands, F6 shows the command, smit.log and smit.script record it.
 */
class SmitIT {
    private static final String SMITTY = SrcRoot.TREE.resolve("bin/smitty").toString();
    private SrcRoot src;
    private Path home;

    @BeforeEach
    void root() throws IOException {
        src = SrcRoot.start();
        home = Files.createDirectories(src.root.resolve("home"));
    }

    @AfterEach
    void stop() throws Exception {
        src.close();
    }

    private void define(String name) {
        var r =
                src.run(
                        "mkssys",
                        "-s",
                        name,
                        "-p",
                        "/bin/sleep",
                        "-a",
                        "600",
                        "-u",
                        uid(),
                        "-S",
                        "-n",
                        "TERM",
                        "-f",
                        "KILL");
        assertEquals(0, r.status(), r.toString());
    }

    private static String uid() {
        return String.valueOf(new com.sun.security.auth.module.UnixSystem().getUid());
    }

    @Test
    void startssysF4ListsTheLiveSubsystemsAndEnterStartsThePickedOne() throws IOException {
        define("alpha");
        define("sleeper");
        try (Tmux t = new Tmux("xterm", src.root, home, SMITTY, "startssys")) {
            t.await("Start a Subsystem", "[Entry Fields]", "F9=Shell            F10=Exit            Enter=Do");
            t.keys("F4");
            String list = t.await("Move cursor to desired item and press Enter.", "|   alpha", "|   sleeper");
            List<String> lines = list.lines().toList();
            int down = indexOf(lines, "|   sleeper") - indexOf(lines, "|   alpha");
            for (int i = 0; i < down; i++) {
                t.keys("Down");
            }
            t.keys("Enter");
            t.await("[sleeper]");
            t.keys("F6");
            t.await("SHOW COMMAND STRING", "startsrc -s sleeper");
            t.keys("Enter");
            t.keys("Enter");
            String status =
                    t.await(
                            "COMMAND STATUS",
                            "Command: OK            stdout: yes           stderr: no",
                            "0513-059 The sleeper Subsystem has been started. Subsystem PID is");
            assertTrue(status.contains("Before command completion, additional instructions may appear below."));
            var lssrc = src.run("lssrc", "-s", "sleeper");
            assertTrue(lssrc.out().contains("active"), lssrc.toString());
            t.keys("F10");
            t.awaitExit();
        }
        assertTrue(Files.readString(home.resolve("smit.script")).contains("#\n# ["));
        assertTrue(Files.readString(home.resolve("smit.script")).contains("\nstartsrc -s sleeper\n"));
        String log = Files.readString(home.resolve("smit.log"));
        assertTrue(log.contains(">> startsrc -s sleeper"), log);
        assertTrue(log.contains("---- start ----\n0513-059 The sleeper Subsystem has been started."), log);
        assertTrue(log.contains("Exiting SMIT"), log);
    }

    @Test
    void mkssysOnAVt100DefinesASubsystemThatLssrcSShows() throws IOException {
        try (Tmux t = new Tmux("vt100", src.root, home, SMITTY, "mkssys")) {
            t.await("Add a Subsystem Definition", "* Subsystem name", "* Path to subsystem executable");
            t.type("web");
            t.keys("Down", "Down", "Down");
            t.type("/bin/sleep");
            t.keys("Down");
            t.type(uid());
            t.keys("Up", "Up");
            t.type("600");
            // Esc 6: SMIT's F6 on a terminal without function keys
            t.keys("Escape", "6");
            t.await("mkssys -s web -a 600 -p /bin/sleep -u " + uid() + " -O -Q -K -d");
            t.keys("Enter");
            t.keys("Enter");
            t.await("Command: OK", "0513-071 The web Subsystem has been added.");
            t.keys("F3");
            t.await("Add a Subsystem Definition", "[web]");
            t.keys("F10");
            t.awaitExit();
        }
        var shown = src.run("lssrc", "-S", "-s", "web");
        assertTrue(shown.out().contains("\nweb::600:/bin/sleep:" + uid() + ":"), shown.toString());
    }

    @Test
    void aFailedCommandShowsFailedAndItsMessage() {
        try (Tmux t = new Tmux("xterm", src.root, home, SMITTY, "startssys")) {
            t.await("Start a Subsystem");
            t.type("nosuch");
            t.keys("Enter");
            t.await("Command: failed", "0513-085 The nosuch Subsystem is not on file.");
        }
    }

    @Test
    void theSrcMenuOpensEveryPanelAndF3ComesBack() {
        try (Tmux t = new Tmux("xterm", src.root, home, SMITTY)) {
            t.await("System Resource Controller", "Move cursor to desired item and press Enter.", "Notify Methods");
            t.keys("Down", "Down", "Down", "Enter");
            t.await("Stop a Subsystem", "Stopping type", "[normal]");
            t.keys("F3");
            t.await("System Resource Controller");
            // the menu keeps its place (Stop a Subsystem); Home, then Up wraps round to the last item
            t.keys("Home", "Up", "Enter");
            t.await("Notify Methods", "Add a Notify Method");
            t.keys("F3", "F3");
            t.awaitExit();
        }
    }

    @Test
    void inetdconfListsInetdsSubservers() throws Exception {
        int daytime;
        try (ServerSocket s = new ServerSocket(0)) {
            daytime = s.getLocalPort();
        }
        Path etc = Files.createDirectories(src.root.resolve("etc"));
        Files.writeString(etc.resolve("services"), "daytime " + daytime + "/tcp\n");
        Files.writeString(etc.resolve("inetd.conf"), "daytime stream tcp nowait root internal\n");
        assertEquals(
                0,
                src.run("mkssys", "-s", "inetd", "-p", SrcRoot.TREE.resolve("bin/inetd").toString(), "-u", uid(), "-K")
                        .status());
        assertEquals(0, src.run("mkserver", "-s", "inetd", "-t", "daytime", "-c", "13").status());
        assertEquals(0, src.run("startsrc", "-s", "inetd").status());
        src.awaitAttached("inetd");
        try (Tmux t = new Tmux("xterm", src.root, home, SMITTY, "inetdconf")) {
            t.await("inetd Subservers", "List All inetd Subservers", "Remove an inetd Subserver");
            t.keys("Enter");
            String out = t.await("Command: OK", "daytime");
            assertTrue(out.contains("stdout: yes"), out);
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not on the screen");
    }
}
