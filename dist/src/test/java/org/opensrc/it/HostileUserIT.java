package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.Hello;
import org.opensrc.proto.v1.SubsystemGrpc;
import org.opensrc.proto.v1.SubsystemMessage;
import org.opensrc.proto.v1.SubsystemRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The attacks of issue 10 as a hostile local user made them, against a real srcmstr: each is refused, nothing changes,
 * and srcmstr still answers root afterwards.
 */
class HostileUserIT {

    private static final List<String> NOBODY =
            List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--");

    @Test
    void stdioIsOpenedAsTheDaemonsUserSoASymlinkItPlantsReachesNoRootFile() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            Path secret = Files.writeString(src.root.resolve("shadow"), "root only\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            Path precious = Files.writeString(src.root.resolve("precious"), "keep me\n");
            Path logs = Files.createDirectory(src.root.resolve("daemonlogs"));
            Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxrwx"));
            // the daemon's own user plants the links in the folder it may write
            assertEquals(0, asNobody(src, "/bin/ln", "-s", secret.toString(), logs.resolve("in").toString()).status());
            assertEquals(
                    0, asNobody(src, "/bin/ln", "-s", precious.toString(), logs.resolve("out").toString()).status());
            ok(
                    src.run(
                            "mkssys",
                            "-s",
                            "reader",
                            "-p",
                            "/bin/cp",
                            "-a",
                            "/dev/stdin " + logs.resolve("copy"),
                            "-u",
                            "nobody",
                            "-i",
                            logs.resolve("in").toString(),
                            "-O"));
            ok(
                    src.run(
                            "mkssys",
                            "-s",
                            "writer",
                            "-p",
                            "/bin/echo",
                            "-a",
                            "owned",
                            "-u",
                            "nobody",
                            "-o",
                            logs.resolve("out").toString(),
                            "-O"));

            var read = src.run("startsrc", "-s", "reader");
            var write = src.run("startsrc", "-s", "writer");

            assertEquals(1, read.status(), read.toString());
            assertTrue(read.out().startsWith("0513-046 The reader Subsystem could not be started."), read.toString());
            assertTrue(read.out().contains("(opened as uid 65534): Permission denied"), read.toString());
            assertEquals(1, write.status(), write.toString());
            assertTrue(write.out().startsWith("0513-047 The writer Subsystem could not be started."), write.toString());
            assertEquals("keep me\n", Files.readString(precious));
            assertFalse(Files.exists(logs.resolve("copy")));
            assertEquals("inoperative", status(src, "reader"));
            assertEquals("inoperative", status(src, "writer"));
        }
    }

    @Test
    void valuesThatOnceKilledTheSupervisionLoopAreRefusedAndSrcmstrKeepsSupervising() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            for (String uid : List.of("4294967295", "2147483648")) {
                var r = src.run("mkssys", "-s", "big", "-p", "/bin/sleep", "-a", "100", "-u", uid);
                assertEquals(1, r.status(), r.toString());
                assertEquals(
                        "0513-007 The options specified are not valid for this command.\nPlease reference your "
                                + "manual for valid options.\nuid: "
                                + uid
                                + " is out of range 0..2147483647\n",
                        r.out());
            }
            var backoff =
                    src.run(
                            "mkssys",
                            "-s",
                            "slow",
                            "-p",
                            "/bin/sleep",
                            "-a",
                            "100",
                            "-u",
                            "0",
                            "-R",
                            "--backoff",
                            "--backoff-initial-ms",
                            Long.toString(Long.MAX_VALUE));
            assertEquals(1, backoff.status(), backoff.toString());
            assertTrue(
                    backoff.out().contains("extensions.backoff_initial_ms: 9223372036854775807 is out of range"),
                    backoff.toString());
            assertEquals(
                    "", src.run("lssrc", "-S", "-s", "big").out(), "nothing defined: lssrc -S prints nothing, as AIX");

            ok(
                    src.run(
                            "mkssys",
                            "-s",
                            "napper",
                            "-p",
                            "/bin/sleep",
                            "-a",
                            "100",
                            "-u",
                            "0",
                            "-S",
                            "-n",
                            "15",
                            "-f",
                            "9"));
            assertTrue(
                    src.run("startsrc", "-s", "napper")
                            .out()
                            .startsWith("0513-059 The napper Subsystem has been started."));
            assertEquals("active", status(src, "napper"));
        }
    }

    @Test
    void aPoisonedSavedStateIsSetAsideAndTheNextSrcmstrServesAndReadopts() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            ok(
                    src.run(
                            "mkssys",
                            "-s",
                            "napper",
                            "-p",
                            "/bin/sleep",
                            "-a",
                            "1000011",
                            "-u",
                            "0",
                            "-S",
                            "-n",
                            "15",
                            "-f",
                            "9"));
            ok(src.run("startsrc", "-s", "napper"));
            List<String> before = src.run("lssrc", "-s", "napper").lines();
            new ProcessBuilder("kill", "-USR2", Long.toString(src.srcmstr().pid())).start().waitFor();
            assertTrue(src.srcmstr().waitFor(30, TimeUnit.SECONDS));
            Path state = src.root.resolve("var/lib/src/state.json");
            ObjectMapper json = new ObjectMapper();
            ObjectNode saved = (ObjectNode) json.readTree(state.toFile());
            ObjectNode poisoned = saved.withArray("instances").get(0).deepCopy();
            ((ObjectNode) poisoned.get("definition")).put("subsysname", "poison").put("uid", 4294967295L);
            poisoned.put("pid", 1);
            saved.withArray("instances").add(poisoned);
            ObjectNode retry = json.createObjectNode();
            ObjectNode slow = poisoned.get("definition").deepCopy();
            slow.put("subsysname", "slow").put("uid", 0);
            ((ObjectNode) slow.get("extensions")).put("backoff", true).put("backoff_initial_ms", Long.MAX_VALUE);
            retry.set("definition", slow);
            retry.putArray("args");
            retry.putArray("env");
            retry.put("at", 0);
            saved.withArray("retries").add(retry);
            json.writeValue(state.toFile(), saved);

            src.startSrcmstr();

            assertEquals(before, src.run("lssrc", "-s", "napper").lines(), "the good entry is re-adopted");
            assertTrue(Files.exists(state.resolveSibling("state.json.rejected")));
            String log = src.log();
            assertTrue(
                    log.contains("set aside, not applied: instance 'poison' pid 1: uid: 4294967295 is out of range"),
                    log);
            assertTrue(log.contains("set aside, not applied: restart 'slow'"), log);
            ok(src.run("stopsrc", "-s", "napper"));
        }
    }

    @Test
    void anEmptyUserNeverMeansRoot() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            var make = src.run("mkssys", "-s", "svc", "-p", "/bin/true", "-u", "");
            assertEquals(1, make.status(), make.toString());
            assertEquals("-u: no user given (an empty -u never means root; say -u 0 or -u root)\n", make.out());
            ok(src.run("mkssys", "-s", "svc", "-p", "/bin/true", "-u", "nobody"));
            var change = src.run("chssys", "-s", "svc", "-u", "");
            assertEquals(1, change.status(), change.toString());
            assertTrue(src.run("lssrc", "-S", "-s", "svc").lines().get(1).startsWith("svc:::/bin/true:65534:"));
        }
    }

    @Test
    void namesAndFieldsThatWouldEscapeTheLogFolderOrFakeARowAreRefused() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            List<String> before = src.run("lssrc", "-S").lines();
            assertRefused(
                    src.run("mkssys", "-s", "../../../x", "-p", "/bin/true", "-u", "0"), "subsysname: '../../../x'");
            assertRefused(src.run("mkssys", "-s", "a/b", "-p", "/bin/true", "-u", "0"), "holds '/'");
            assertRefused(
                    src.run("mkssys", "-s", "a\u001b[2Jb", "-p", "/bin/true", "-u", "0"),
                    "a control character (\\x1b)");
            assertRefused(
                    src.run("mkssys", "-s", "inj", "-p", "/bin/sleep", "-u", "0", "-a", "a:b\nsleeper::evil:/bin/sh:0"),
                    "cmdargs: holds a control character (\\n)");
            assertRefused(src.run("mkssys", "-s", "grp", "-p", "/bin/true", "-u", "0", "-G", "x:y"), "grpname");
            var huge = src.run("mkssys", "-s", "a".repeat(8192), "-p", "/bin/true", "-u", "0");
            assertEquals("0513-102 The subsystem_name is too long. Only 29 bytes are allowed.\n", huge.out());
            assertEquals(before, src.run("lssrc", "-S").lines());
            assertFalse(Files.exists(src.root.resolve("x")));
            var lookup = src.run("lssrc", "-s", "\u001b]0;owned\u0007");
            assertEquals("0513-085 The \\x1b]0;owned\\x07 Subsystem is not on file.\n", lookup.out());
        }
    }

    @Test
    void aHandEditedRegistryWithADuplicateIsRefusedNamingTheFile() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            ok(src.run("mkssys", "-s", "one", "-p", "/bin/true", "-u", "0"));
            ok(src.run("mkssys", "-s", "two", "-p", "/bin/true", "-u", "0"));
            src.stopSrcmstr();
            Path file = src.root.resolve("etc/src/SRCsubsys.json");
            String edited = Files.readString(file).replace("\"two\"", "\"one\"");
            Files.writeString(file, edited);
            var r = src.run("srcmstr");
            assertEquals(1, r.status(), r.toString());
            assertTrue(r.err().contains("SRCsubsys.json: objects[1]: 0513-075"), r.toString());
            assertEquals(edited, Files.readString(file));
        }
    }

    @Test
    void secretsAreNotReadableByOthersAndATokenAloneCannotAttach() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            ok(
                    src.run(
                            "mkssys",
                            "-s",
                            "sample",
                            "-p",
                            SrcRoot.TREE.resolve("lib/opensrc-run").toString(),
                            "-a",
                            "daemon sample",
                            "-u",
                            "0"));
            Path conf = Files.writeString(src.root.resolve("secret-word.conf"), "one\n");
            ok(src.run("startsrc", "-s", "sample", "-e", "DB_PASSWORD=hunter2", "-a", "-c " + conf));
            src.awaitAttached("sample");
            Path state = src.root.resolve("var/lib/src/state.json");
            Path journal = src.root.resolve("var/lib/src/state.journal");
            for (Path saved : List.of(state, journal)) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
                var steal = asNobody(src, "/bin/cat", saved.toString());
                assertEquals(1, steal.status(), steal.toString());
            }
            assertFalse(src.log().contains("hunter2"), src.log());
            assertFalse(src.log().contains("secret-word"), src.log());

            // someone who got the token anyway (root here, any pid but the daemon's) cannot answer for it; the
            // instance is in the image or, saved since, in the journal
            java.util.regex.Matcher saved =
                    java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"")
                            .matcher(Files.readString(state) + Files.readString(journal));
            assertTrue(saved.find(), "a token is saved");
            String token = saved.group(1);
            try (SrcClient thief = SrcClient.localOverGrpcJava(src.socket())) {
                var ended = new CompletableFuture<Status>();
                StreamObserver<SubsystemMessage> out =
                        SubsystemGrpc.newStub(thief.channel())
                                .attach(
                                        new StreamObserver<>() {
                                            @Override
                                            public void onNext(SubsystemRequest value) {}

                                            @Override
                                            public void onError(Throwable t) {
                                                ended.complete(Status.fromThrowable(t));
                                            }

                                            @Override
                                            public void onCompleted() {
                                                ended.complete(Status.OK);
                                            }
                                        });
                out.onNext(SubsystemMessage.newBuilder().setHello(Hello.newBuilder().setToken(token)).build());
                assertEquals(Status.Code.PERMISSION_DENIED, ended.get(30, TimeUnit.SECONDS).getCode());
            }
            var answer = src.run("lssrc", "-ls", "sample");
            assertEquals(0, answer.status(), answer.toString());
        }
    }

    @Test
    void aStartThatCannotBeMadeDurableIsRefusedNamingTheCauseAndStartsNothing() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            ok(
                    src.run(
                            "mkssys",
                            "-s",
                            "napper",
                            "-p",
                            "/bin/sleep",
                            "-a",
                            "1000012",
                            "-u",
                            "0",
                            "-S",
                            "-n",
                            "15",
                            "-f",
                            "9"));
            Path stateDir = src.root.resolve("var/lib/src");
            Path regDir = src.root.resolve("etc/src");
            List<Path> mounted = new ArrayList<>();
            try {
                mountFullTmpfs(stateDir, mounted);
                var r = src.run("startsrc", "-s", "napper");
                assertEquals(1, r.status(), r.toString());
                assertTrue(r.out().startsWith("0513-015 The napper Subsystem could not be started."), r.toString());
                assertTrue(r.out().contains("No space left on device"), r.toString());
                assertEquals(0, count("/bin/sleep 1000012"), "nothing was spawned that the state does not record");

                byte[] registry = Files.readAllBytes(regDir.resolve("SRCsubsys.json"));
                mountFullTmpfs(regDir, mounted);
                var m = src.run("mkssys", "-s", "later", "-p", "/bin/true", "-u", "0");
                assertEquals(1, m.status(), m.toString());
                assertTrue(
                        m.out().contains("the registry could not be written, nothing was changed")
                                && m.out().contains("No space left on device"),
                        m.toString());
                assertEquals(
                        "",
                        src.run("lssrc", "-S", "-s", "later").out(),
                        "nothing defined: lssrc -S prints nothing, as AIX");
                unmount(mounted);
                assertTrue(java.util.Arrays.equals(registry, Files.readAllBytes(regDir.resolve("SRCsubsys.json"))));
            } finally {
                unmount(mounted);
            }
            assertTrue(src.run("startsrc", "-s", "napper").out().startsWith("0513-059"));
            assertEquals(1, count("/bin/sleep 1000012"));
            ok(src.run("stopsrc", "-s", "napper"));
        }
    }

    private static void mountFullTmpfs(Path dir, List<Path> mounted) throws Exception {
        int status =
                new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", dir.toString())
                        .redirectErrorStream(true)
                        .start()
                        .waitFor();
        Assumptions.assumeTrue(status == 0, "this machine does not allow mounting a tmpfs");
        mounted.add(0, dir);
        Path filler = dir.resolve("filler");
        try (var out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // the tmpfs is full now
        }
    }

    private static void unmount(List<Path> mounted) throws Exception {
        for (Path dir : List.copyOf(mounted)) {
            new ProcessBuilder("umount", dir.toString()).start().waitFor();
            mounted.remove(dir);
        }
    }

    private static long count(String commandLine) throws IOException {
        try (var procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(
                            p -> {
                                try {
                                    return new String(Files.readAllBytes(p.resolve("cmdline")))
                                            .replace('\0', ' ')
                                            .trim()
                                            .equals(commandLine);
                                } catch (IOException e) {
                                    return false;
                                }
                            })
                    .count();
        }
    }

    private static SrcRoot.Result asNobody(SrcRoot src, String... argv) {
        List<String> command = new ArrayList<>(NOBODY);
        command.addAll(List.of(argv));
        return src.exec(command, Map.of());
    }

    private static String status(SrcRoot src, String name) {
        List<String> lines = src.run("lssrc", "-s", name).lines();
        return lines.size() > 1 ? lines.get(1).substring(48).trim() : "";
    }

    private static void assertRefused(SrcRoot.Result r, String detail) {
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().startsWith("0513-007 "), r.toString());
        assertTrue(r.out().contains(detail), r.toString());
    }

    private static void ok(SrcRoot.Result r) {
        assertEquals(0, r.status(), r.toString());
    }
}
