package org.opensrc.smit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class CommandLineTest {
    private final SrcTree tree = new SrcTree();

    private Panel.Dialog dialog(String id) {
        return (Panel.Dialog) tree.panel(id).orElseThrow();
    }

    @Test
    void emptyFieldsAddNothingAndFilledOnesAddTheirFlagInFieldOrder() {
        assertEquals(
                List.of("startsrc", "-s", "inetd", "-a", "-d -x"),
                CommandLine.build(dialog("startssys"), Map.of("subsysname", "inetd", "args", "-d -x"), Map.of()));
    }

    @Test
    void aChoiceAddsItsWordsAndTheFirstChoiceMayAddNone() {
        assertEquals(
                List.of("stopsrc", "-s", "inetd"),
                CommandLine.build(dialog("stopssys"), Map.of("subsysname", "inetd"), Map.of()));
        assertEquals(
                List.of("stopsrc", "-s", "inetd", "-c"),
                CommandLine.build(dialog("stopssys"), Map.of("subsysname", "inetd", "how", "cancel"), Map.of()));
    }

    @Test
    void mkssysGivesEveryFlagItsValueAndTheDefaultsOfItsChoices() {
        assertEquals(
                List.of(
                        "mkssys",
                        "-s",
                        "web",
                        "-p",
                        "/usr/sbin/httpd",
                        "-u",
                        "root",
                        "-O",
                        "-Q",
                        "-K",
                        "-d",
                        "-G",
                        "www"),
                CommandLine.build(
                        dialog("mkssys"),
                        Map.of("subsysname", "web", "path", "/usr/sbin/httpd", "uid", "root", "grpname", "www"),
                        Map.of()));
    }

    @Test
    void trailingWordsOfAnEmptyFlagFieldEndTheCommand() {
        assertEquals(
                List.of(
                        "chsubserver",
                        "-a",
                        "-v",
                        "gregserv",
                        "-p",
                        "tcp",
                        "-u",
                        "root",
                        "-g",
                        "/usr/sbin/gregserv",
                        "-r",
                        "inetd",
                        "gregserv",
                        "-d"),
                CommandLine.build(
                        dialog("mkinetd"),
                        Map.of(
                                "service", "gregserv",
                                "user", "root",
                                "program", "/usr/sbin/gregserv",
                                "args", "gregserv  -d"),
                        Map.of()));
    }

    @Test
    void aChangeDialogNamesTheObjectAndOnlyTheFieldsThatChanged() {
        Map<String, String> found = Map.of("subsysname", "web", "newname", "web", "cmdargs", "-x", "action", "no");
        assertEquals(
                List.of("chssys", "-s", "web", "-a", "", "-R"),
                CommandLine.build(
                        dialog("chssys.dialog"),
                        Map.of("subsysname", "web", "newname", "web", "cmdargs", "", "action", "yes"),
                        found));
        assertEquals(
                List.of("chssys", "-s", "web", "-s", "www"),
                CommandLine.build(
                        dialog("chssys.dialog"),
                        Map.of("subsysname", "web", "newname", "www", "cmdargs", "-x", "action", "no"),
                        found));
    }

    @Test
    void requiredFieldsThatAreEmptyAreNamed() {
        assertEquals(
                List.of("Path to subsystem executable", "User"),
                CommandLine.missing(dialog("mkssys"), Map.of("subsysname", "web", "uid", " ")));
    }

    @Test
    void theShellLineQuotesOnlyWhatAShellWouldSplitOrExpand() {
        assertEquals(
                "startsrc -s inetd -a '-d -x' -e 'A=it'\\''s' -o ''",
                CommandLine.shellLine(List.of("startsrc", "-s", "inetd", "-a", "-d -x", "-e", "A=it's", "-o", "")));
    }
}
