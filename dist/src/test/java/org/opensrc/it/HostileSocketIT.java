package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

import org.junit.jupiter.api.Test;
import org.opensrc.libsrc.SrcFailure;
import org.opensrc.proto.v1.DefinitionsGrpc;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.SubsystemDef;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The local control socket attacked as a local user would (issue 10, items 1 and 7): a held connection whose pid passes
 * to an admin-group member, connection floods beyond the caps and the descriptor limit, silent connections, oversized
 * requests, log floods. The attacker is {@code nobody}; the admin group is {@code adm}, which nobody is not in.
 */
class HostileSocketIT {

    private static final List<String> NOBODY = Attacker.NOBODY;
    private static final List<String> NOBODY_IN_ADM =
            List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--groups=adm", "--");
    private static final int ADM = 4;

    /**
     * Connects to the control socket (argv[1]), then forks: the connecting process prints its pid and a TCP port and
     * exits; its child keeps the connection and relays one TCP client on that port to it byte for byte.
     */
    private static final String RELAY =
            """
            import os, socket, sys, threading
            up = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            up.connect(sys.argv[1])
            listener = socket.socket()
            listener.bind(("127.0.0.1", 0))
            listener.listen(1)
            if os.fork():
                print(os.getpid(), listener.getsockname()[1], flush=True)
                os._exit(0)
            client, _ = listener.accept()
            def pump(src, dst):
                while True:
                    try:
                        data = src.recv(65536)
                    except OSError:
                        data = b""
                    if not data:
                        break
                    try:
                        dst.sendall(data)
                    except OSError:
                        break
                for s in (src, dst):
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
            threading.Thread(target=pump, args=(client, up), daemon=True).start()
            pump(up, client)
            """;

    /** Starts argv[2:] with the pid argv[1] (clone3 with set_tid; needs CAP_SYS_ADMIN) and waits for it. */
    private static final String TAKE_PID =
            """
            import ctypes, os, sys
            libc = ctypes.CDLL(None, use_errno=True)
            libc.syscall.restype = ctypes.c_long
            tid = (ctypes.c_int * 1)(int(sys.argv[1]))
            args = (ctypes.c_uint64 * 11)(0, 0, 0, 0, 17, 0, 0, 0, ctypes.addressof(tid), 1, 0)
            pid = libc.syscall(435, ctypes.byref(args), ctypes.c_size_t(88))
            if pid == 0:
                os.execv(sys.argv[2], sys.argv[2:])
            if pid < 0:
                print("clone3:", os.strerror(ctypes.get_errno()), flush=True)
                sys.exit(2)
            print(pid, flush=True)
            os.waitpid(pid, 0)
            """;

    /**
     * Opens argv[2] connections to argv[1], each sending the HTTP/2 preface and SETTINGS; prints how many srcmstr kept
     * (it answered SETTINGS) and how many it closed, then holds them all until stdin ends.
     */
    private static final String HOLD =
            """
            import socket, sys
            PREFACE = b"PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n" + bytes([0, 0, 0, 4, 0, 0, 0, 0, 0])
            held, kept, closed = [], 0, 0
            for _ in range(int(sys.argv[2])):
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(sys.argv[1])
                held.append(s)
                try:
                    s.sendall(PREFACE)
                except OSError:
                    pass
            for s in held:
                s.settimeout(60)
                try:
                    if s.recv(1):
                        kept += 1
                    else:
                        closed += 1
                except (ConnectionError, TimeoutError):
                    closed += 1
            print("kept", kept, "closed", closed, flush=True)
            sys.stdin.read()
            """;

    /** Connects to argv[1] and sends nothing; prints "closed" when srcmstr closes it, "open" after 120 s. */
    private static final String SILENT =
            """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(sys.argv[1])
            s.settimeout(120)
            try:
                while s.recv(4096):
                    pass  # srcmstr's own SETTINGS
                print("closed", flush=True)
            except ConnectionError:
                print("closed", flush=True)
            except TimeoutError:
                print("open", flush=True)
            """;

    /**
     * Sends argv[3] requests to argv[1], each on a new connection, each announcing a message of argv[2] bytes (HTTP/2
     * by hand: preface, HEADERS, then as much of the message as flow control lets through). Prints how many srcmstr
     * refused, unanswered: the stream ended with RESOURCE_EXHAUSTED (grpc-status 8, written as a plain literal by an
     * HPACK encoder) or reset (RST_STREAM, as grpc-okhttp's server does when a message is over its limit); then
     * whatever else came instead (an answer, another status, the connection closed).
     */
    private static final String HUGE =
            """
            import socket, struct, sys
            def frame(kind, flags, stream, payload):
                return struct.pack(">I", len(payload))[1:] + bytes([kind, flags]) + struct.pack(">I", stream) + payload
            def literal(name, value):
                return b"\\x00" + bytes([len(name)]) + name + bytes([len(value)]) + value
            headers = b"".join(literal(n, v) for n, v in [(b":method", b"POST"), (b":scheme", b"http"),
                    (b":path", b"/srcmstr.v1.Definitions/AddSubsystem"), (b":authority", b"localhost"),
                    (b"content-type", b"application/grpc"), (b"te", b"trailers")])
            size, refused, others = int(sys.argv[2]), 0, []
            message = b"\\x00" + struct.pack(">I", size) + b"\\x1a" + b"x" * 60000
            for _ in range(int(sys.argv[3])):
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(sys.argv[1])
                s.sendall(b"PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n" + frame(4, 0, 0, b"") + frame(1, 4, 1, headers))
                for i in range(0, len(message), 16384):
                    s.sendall(frame(0, 0, 1, message[i:i + 16384]))
                s.settimeout(60)
                buf, outcome = b"", None
                while outcome is None:
                    data = s.recv(65536)
                    if not data:
                        outcome = "closed"
                        break
                    buf += data
                    while len(buf) >= 9 and len(buf) >= 9 + int.from_bytes(buf[:3], "big"):
                        n, kind, flags = int.from_bytes(buf[:3], "big"), buf[3], buf[4]
                        stream, payload, buf = int.from_bytes(buf[5:9], "big") & 0x7fffffff, buf[9:9 + n], buf[9 + n:]
                        if kind == 4 and not flags & 1:
                            s.sendall(frame(4, 1, 0, b""))
                        elif stream == 1 and kind == 1 and flags & 1:
                            outcome = "exhausted" if b"grpc-status\\x018" in payload else "status " + repr(payload)
                        elif stream == 1 and kind == 3:
                            outcome = "reset"
                        elif stream == 1 and kind == 0:
                            outcome = "answered"
                if outcome in ("exhausted", "reset"):
                    refused += 1
                else:
                    others.append(outcome)
                s.close()
            print("refused", refused, *others, flush=True)
            """;

    @Test
    void aConnectionOfNobodyStaysUnauthorizedAfterItsPidPassesToAnAdminGroupMember() throws Exception {
        try (SrcRoot src = withAdminGroup()) {
            Relay relay = relay(src, NOBODY);
            // The pid that connected now belongs to an admin-group member (uid nobody, group adm).
            Process taker =
                    new ProcessBuilder(
                                    Attacker.PYTHON,
                                    Attacker.script(src, "take-pid.py", TAKE_PID),
                                    Integer.toString(relay.pid()),
                                    NOBODY_IN_ADM.get(0),
                                    NOBODY_IN_ADM.get(1),
                                    NOBODY_IN_ADM.get(2),
                                    NOBODY_IN_ADM.get(3),
                                    NOBODY_IN_ADM.get(4),
                                    "/bin/sleep",
                                    "600")
                            .redirectErrorStream(true)
                            .start();
            try {
                String taken = new BufferedReader(new InputStreamReader(taker.getInputStream())).readLine();
                assertEquals(Integer.toString(relay.pid()), taken, "clone3 with set_tid could not take the pid");
                SrcRoot.await(
                        Duration.ofSeconds(30),
                        () -> groupsOf(relay.pid()).contains(ADM),
                        "pid " + relay.pid() + " to run with group adm");

                StatusRuntimeException refused =
                        assertThrows(
                                StatusRuntimeException.class,
                                () -> relay.definitions().addSubsystem(rootShell("evil")));
                assertEquals(
                        SrcCode.SRC_CODE_INVALID_USER,
                        SrcFailure.from(refused).orElseThrow().code(),
                        refused.toString());
                assertEquals("", src.run("lssrc", "-S", "-s", "evil").out(), "nothing was defined");
                assertEquals(0, src.run("lssrc", "-a").status());
            } finally {
                ProcessHandle.of(relay.pid()).ifPresent(ProcessHandle::destroyForcibly);
                taker.waitFor(30, TimeUnit.SECONDS);
                relay.close();
            }
        }
    }

    @Test
    void aConnectionOfAnAdminGroupMemberThroughASupplementaryGroupMayChangeThings() throws Exception {
        try (SrcRoot src = withAdminGroup()) {
            // The same relay as the attack: a refusal above is the identity, not a broken relay.
            try (Relay relay = relay(src, NOBODY_IN_ADM)) {
                relay.definitions().addSubsystem(rootShell("viarelay"));
            }
            assertEquals(0, src.run("lssrc", "-S", "-s", "viarelay").status());
            var make =
                    src.exec(
                            cat(
                                    NOBODY_IN_ADM,
                                    SrcRoot.TREE.resolve("bin/mkssys").toString(),
                                    "-s",
                                    "bysupplementary",
                                    "-p",
                                    "/bin/true",
                                    "-u",
                                    "0"),
                            Map.of());
            assertEquals(0, make.status(), make.toString());
        }
    }

    @Test
    void nobodyFloodingBeyondTheCapsAndTheDescriptorLimitIsRefusedAndRootStillAnswers() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            // 256 descriptors: non-root connections are fitted to 128 in all, 64 per uid.
            src.startSrcmstrUnder(List.of("/usr/bin/prlimit", "--nofile=256:256", "--"), Map.of());
            Process hold = asNobody(src, "hold.py", HOLD, src.socket().toString(), "400");
            try {
                String counts = new BufferedReader(new InputStreamReader(hold.getInputStream())).readLine();
                assertEquals("kept 64 closed 336", counts);
                var listing = src.run("lssrc", "-a");
                assertEquals(0, listing.status(), listing.toString());
                var make = src.run("mkssys", "-s", "stillroot", "-p", "/bin/true", "-u", "0");
                assertEquals(0, make.status(), make.toString());
                assertEquals(1, count(src.log(), "refused a connection of uid 65534"), src.log());
            } finally {
                hold.getOutputStream().close();
                hold.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheHandshakeTimeout() throws Exception {
        try (SrcRoot src = withConfig("handshake.timeout.seconds=1\n")) {
            Process silent = asNobody(src, "silent.py", SILENT, src.socket().toString());
            String outcome = new BufferedReader(new InputStreamReader(silent.getInputStream())).readLine();
            assertEquals("closed", outcome);
            assertEquals(0, src.run("lssrc", "-a").status());
        }
    }

    @Test
    void threeMegabyteRequestsOfNobodyAreRefusedUnread() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            long pid = src.srcmstr().pid();
            Process warmUp = asNobody(src, "huge.py", HUGE, src.socket().toString(), Integer.toString(3 << 20), "1");
            assertEquals("refused 1", new BufferedReader(new InputStreamReader(warmUp.getInputStream())).readLine());
            long before = rssKb(pid);
            Process huge = asNobody(src, "huge.py", HUGE, src.socket().toString(), Integer.toString(3 << 20), "20");
            assertEquals("refused 20", new BufferedReader(new InputStreamReader(huge.getInputStream())).readLine());
            long after = rssKb(pid);
            System.out.printf("srcmstr VmRSS before 20 requests of 3 MB: %d kB, after: %d kB%n", before, after);
            // 60 MB were announced: buffering even one whole request would show as 3 MB.
            assertTrue(after - before < 3 * 1024, "srcmstr grew from " + before + " kB to " + after + " kB");
            assertEquals("", src.run("lssrc", "-S", "-s", "huge").out(), "nothing was defined");
            assertEquals(0, src.run("lssrc", "-a").status());
        }
    }

    @Test
    void refusedRequestsAreLoggedOncePerIntervalNotPerAttempt() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            for (int i = 0; i < 5; i++) {
                var make =
                        src.exec(
                                cat(
                                        NOBODY,
                                        SrcRoot.TREE.resolve("bin/mkssys").toString(),
                                        "-s",
                                        "x" + i,
                                        "-p",
                                        "/bin/true",
                                        "-u",
                                        "0"),
                                Map.of());
                assertEquals(1, make.status(), make.toString());
            }
            String log = src.log();
            assertEquals(1, count(log, "refused AddSubsystem of uid=65534"), log);
            assertTrue(log.contains("0513-019"), log);
        }
    }

    // ---- helpers

    private static SrcRoot withAdminGroup() throws IOException {
        return withConfig("admin.group=adm\n");
    }

    private static SrcRoot withConfig(String config) throws IOException {
        SrcRoot src = SrcRoot.empty();
        Path conf = src.root.resolve("etc/src/srcmstr.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, config);
        src.startSrcmstr();
        return src;
    }

    private static SubsystemDef rootShell(String name) {
        return Definitions.rootBySignals(name, "/bin/sh", "-c id").build();
    }

    /** A connection made by {@code user}'s process, which then exits; its child relays TCP to it. */
    private static Relay relay(SrcRoot src, List<String> user) throws IOException, InterruptedException {
        Process a = asUser(src, user, "relay.py", RELAY, src.socket().toString());
        String[] line = new BufferedReader(new InputStreamReader(a.getInputStream())).readLine().split(" ");
        assertTrue(a.waitFor(30, TimeUnit.SECONDS), "the connecting process exits");
        int port = Integer.parseInt(line[1]);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        return new Relay(Integer.parseInt(line[0]), channel);
    }

    private record Relay(int pid, ManagedChannel channel) implements AutoCloseable {
        DefinitionsGrpc.DefinitionsBlockingStub definitions() {
            return DefinitionsGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Process asNobody(SrcRoot src, String name, String script, String... args) throws IOException {
        return asUser(src, NOBODY, name, script, args);
    }

    private static Process asUser(SrcRoot src, List<String> user, String name, String script, String... args)
            throws IOException {
        return Attacker.python(src, user, name, script, args);
    }

    private static List<Integer> groupsOf(int pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Groups:")) {
                    return Pattern.compile("\\s+")
                            .splitAsStream(line.substring(7).trim())
                            .filter(s -> !s.isEmpty())
                            .map(Integer::valueOf)
                            .toList();
                }
            }
        } catch (IOException e) {
            // not there (yet)
        }
        return List.of();
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> cat(List<String> prefix, String... rest) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(rest));
        return all;
    }
}
