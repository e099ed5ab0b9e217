package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opensrc.cli.Commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The bash completion of the built tree ({@code share/bash-completion/opensrc}), run by a real bash as bash runs it on
 * TAB: sourced once, then the function it registered for the command called with {@code COMP_WORDS}, {@code
 * COMP_CWORD}, {@code COMP_LINE} and {@code COMP_POINT} set. Names come from the registry through the real lssrc.
 */
class CompletionIT {

    static final Path COMPLETION = SrcRoot.TREE.resolve("share/bash-completion/opensrc");

    /**
     * Sources the completion file, then completes each line given (a trailing blank: a new, empty word) and prints it,
     * a tab, and the candidates separated by blanks.
     */
    private static final String DRIVER =
            """
            . "$1" || exit 1
            shift
            for line in "$@"; do
                read -ra COMP_WORDS <<<"$line"
                case $line in *' ') COMP_WORDS+=('') ;; esac
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) COMP_LINE=$line COMP_POINT=${#line}
                registered=$(complete -p "${COMP_WORDS[0]##*/}") || { printf '%s\\tnot registered\\n' "$line"; continue; }
                function=${registered#*-F } function=${function%% *}
                COMPREPLY=()
                "$function" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\t%s\\n' "$line" "${COMPREPLY[*]}"
            done
            """;

    @Test
    void namesComeFromTheRunningSrcmstrsRegistry() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            define(src);
            var started = src.run("startsrc", "-s", "alpha");
            assertEquals(0, started.status(), started.toString());
            String pid = started.out().replaceAll("(?s).*PID is (\\d+).*", "$1");

            var candidates =
                    complete(
                            src,
                            true,
                            "startsrc -s ",
                            "startsrc -s a",
                            "startsrc -g ",
                            "stopsrc -g w",
                            "lssrc -t ",
                            "rmnotify -n ",
                            "lssrc -ls ",
                            "lssrc -lsg",
                            "startsrc -h remote -s ",
                            "chssys -s ",
                            "chssys -s alpha -s ",
                            "mknotify -n ",
                            "chserver -t svc -c ",
                            "stopsrc -p ");
            assertEquals(List.of("alpha", "beta", "gamma"), candidates.get("startsrc -s "));
            assertEquals(List.of("alpha"), candidates.get("startsrc -s a"));
            assertEquals(List.of("batch", "web"), candidates.get("startsrc -g "));
            assertEquals(List.of("web"), candidates.get("stopsrc -g w"));
            assertEquals(List.of("svc"), candidates.get("lssrc -t "));
            assertEquals(List.of("batch"), candidates.get("rmnotify -n "));
            assertEquals(List.of("alpha", "beta", "gamma"), candidates.get("lssrc -ls "), "-s at the end of a cluster");
            assertEquals(List.of("-lsgamma"), candidates.get("lssrc -lsg"), "a name glued to its flag");
            assertEquals(List.of(), candidates.get("startsrc -h remote -s "), "another host's names are not known");
            assertEquals(List.of("alpha", "beta", "gamma"), candidates.get("chssys -s "));
            assertEquals(List.of(), candidates.get("chssys -s alpha -s "), "a second -s is a new name");
            assertEquals(List.of("alpha", "batch", "beta", "gamma", "web"), candidates.get("mknotify -n "));
            assertEquals(List.of("3"), candidates.get("chserver -t svc -c "));
            assertEquals(List.of(pid), candidates.get("stopsrc -p "));
            src.run("stopsrc", "-c", "-s", "alpha");
        }
    }

    @Test
    void whileSrcmstrIsDownNamesComeFromTheRegistryFilesAndNothingIsPrinted() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            define(src);
            src.stopSrcmstr();
            var candidates = complete(src, true, "startsrc -s ", "lssrc -t ", "rmnotify -n ", "lssrc -p ");
            assertEquals(List.of("alpha", "beta", "gamma"), candidates.get("startsrc -s "));
            assertEquals(List.of("svc"), candidates.get("lssrc -t "));
            assertEquals(List.of("batch"), candidates.get("rmnotify -n "));
            assertEquals(List.of(), candidates.get("lssrc -p "), "PIDs need srcmstr");
        }
        try (SrcRoot src = SrcRoot.empty()) {
            var candidates =
                    complete(src, true, "startsrc -s ", "startsrc -g ", "lssrc -t ", "rmnotify -n ", "lssrc -p ");
            candidates.forEach((line, offered) -> assertEquals(List.of(), offered, line));
        }
    }

    @Test
    void eachCommandIsOfferedTheFlagsItDeclaresAndNoFlagWhereAValueIsDue() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            List<String> lines = new ArrayList<>();
            for (String command : Commands.names()) {
                lines.add(command + " -");
                for (String flag : Commands.flags(command).names()) {
                    lines.add(command + " " + flag + " -");
                }
            }
            // without the tree on PATH no lssrc is found: flags only, and quickly
            var candidates = complete(src, false, lines.toArray(String[]::new));
            for (String command : Commands.names()) {
                var flags = Commands.flags(command);
                List<String> declared = List.copyOf(new TreeSet<>(flags.names()));
                assertEquals(declared, candidates.get(command + " -"), command);
                for (String flag : flags.names()) {
                    String line = command + " " + flag + " -";
                    assertEquals(flags.needsValue(flag) ? List.of() : declared, candidates.get(line), line);
                }
            }
        }
    }

    @Test
    void valuesThatAreNotNamesComeFromTheirOwnLists() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            var candidates =
                    complete(
                            src,
                            false,
                            "odmget ",
                            "odmdelete -o SRCsub",
                            "chsubserver -w ",
                            "mkssys -p /bin/s",
                            "mkssys -n SIGTE",
                            "odmadd /bin/s");
            assertEquals(List.of("SRCnotify", "SRCsubsvr", "SRCsubsys"), candidates.get("odmget "));
            assertEquals(List.of("SRCsubsvr", "SRCsubsys"), candidates.get("odmdelete -o SRCsub"));
            assertEquals(List.of("nowait", "wait"), candidates.get("chsubserver -w "));
            assertTrue(candidates.get("mkssys -p /bin/s").contains("/bin/sh"), candidates.toString());
            assertEquals(List.of("SIGTERM"), candidates.get("mkssys -n SIGTE"));
            assertTrue(candidates.get("odmadd /bin/s").contains("/bin/sh"), candidates.toString());
        }
    }

    /** Subsystems alpha and beta in group batch, gamma in web; subserver svc of alpha; a notify method for batch. */
    private static void define(SrcRoot src) {
        String uid = String.valueOf(new com.sun.security.auth.module.UnixSystem().getUid());
        for (String[] command :
                List.of(
                        new String[] {
                            "mkssys", "-s", "alpha", "-p", "/bin/sleep", "-a", "600", "-u", uid, "-G", "batch"
                        },
                        new String[] {
                            "mkssys", "-s", "beta", "-p", "/bin/sleep", "-a", "600", "-u", uid, "-G", "batch"
                        },
                        new String[] {"mkssys", "-s", "gamma", "-p", "/bin/sleep", "-a", "600", "-u", uid, "-G", "web"},
                        new String[] {"mkserver", "-s", "alpha", "-t", "svc", "-c", "3"},
                        new String[] {"mknotify", "-n", "batch", "-m", "/bin/true"})) {
            var made = src.run(command[0], java.util.Arrays.copyOfRange(command, 1, command.length));
            assertEquals(0, made.status(), made.toString());
        }
    }

    /**
     * Completes each line in one bash, in root {@code src}; {@code onPath} puts the tree's bin/ on PATH, where the
     * completion finds lssrc. Asserts that bash printed nothing on standard error. Returns each line's candidates,
     * sorted.
     */
    private static Map<String, List<String>> complete(SrcRoot src, boolean onPath, String... lines) {
        assertTrue(Files.isRegularFile(COMPLETION), COMPLETION + " is not in the built tree");
        List<String> argv = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", DRIVER, "completion"));
        argv.add(COMPLETION.toString());
        argv.addAll(List.of(lines));
        String path = "/usr/bin:/bin";
        var result = src.exec(argv, Map.of("PATH", onPath ? SrcRoot.TREE.resolve("bin") + ":" + path : path));
        assertEquals(0, result.status(), result.toString());
        assertEquals("", result.err(), result.toString());
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        for (String printed : result.lines()) {
            String[] parts = printed.split("\t", 2);
            candidates.put(
                    parts[0],
                    parts[1].isEmpty() ? List.of() : List.copyOf(new TreeSet<>(List.of(parts[1].split(" ")))));
        }
        assertEquals(List.of(lines), List.copyOf(candidates.keySet()), result.toString());
        return candidates;
    }
}
