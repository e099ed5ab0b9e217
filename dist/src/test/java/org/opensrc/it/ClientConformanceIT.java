package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;

import io.grpc.StatusRuntimeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensrc.libsrc.SrcFailure;
import org.opensrc.libsrc.client.CommandTimeout;
import org.opensrc.libsrc.client.MessageStream;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.Contact;
import org.opensrc.proto.v1.ListNotifiesRequest;
import org.opensrc.proto.v1.ListSubserversRequest;
import org.opensrc.proto.v1.ListSubsystemsRequest;
import org.opensrc.proto.v1.LongStatusRequest;
import org.opensrc.proto.v1.NameRequest;
import org.opensrc.proto.v1.NotifyDef;
import org.opensrc.proto.v1.RefreshRequest;
import org.opensrc.proto.v1.StartRequest;
import org.opensrc.proto.v1.StatusRequest;
import org.opensrc.proto.v1.StopKind;
import org.opensrc.proto.v1.StopRequest;
import org.opensrc.proto.v1.Subserver;
import org.opensrc.proto.v1.SubserverDef;
import org.opensrc.proto.v1.SubserverStartRequest;
import org.opensrc.proto.v1.SubserverStatusRequest;
import org.opensrc.proto.v1.SubserverStopRequest;
import org.opensrc.proto.v1.SubsystemChange;
import org.opensrc.proto.v1.SubsystemDef;
import org.opensrc.proto.v1.Target;
import org.opensrc.proto.v1.TraceRequest;
import org.opensrc.proto.v1.WatchEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The commands' lean client ({@link SrcClient#local}) against grpc-java's Netty client ({@link
 * SrcClient#localOverGrpcJava}): every RPC the commands make, against one real srcmstr, through both, for successes and
 * every family of failure (not on file, refused with an SRC message and detail in the trailers, the deadline, srcmstr
 * down, a reply over the 4 MiB limit). Each call is made through one client, undone, then made through the other; the
 * two results (the reply, or the gRPC code and the SRC failure the command would print) must be the same.
 */
class ClientConformanceIT {

    private static SrcRoot src;

    @BeforeAll
    static void start() throws Exception {
        src = SrcRoot.start();
        try (SrcClient client = SrcClient.localOverGrpcJava(src.socket())) {
            client.definitions().addSubsystem(sleeper("conf", "confgrp"));
            // not SRC-aware but reached by socket: srcmstr waits for its answers
            client.definitions()
                    .addSubsystem(
                            sleeper("conf2", "confgrp").toBuilder()
                                    .setContact(Contact.CONTACT_SOCKET)
                                    .clearSignorm()
                                    .clearSigforce()
                                    .build());
            // the owner of subserver conftype: the SRC-aware sample daemon, which answers every request
            Path conf = src.root.resolve("sample.conf");
            Files.writeString(conf, "one\n");
            client.definitions()
                    .addSubsystem(
                            sleeper("conf3", "").toBuilder()
                                    .setPath(SrcRoot.TREE.resolve("lib/opensrc-run").toString())
                                    .setCmdargs("daemon sample -c " + conf)
                                    .setContact(Contact.CONTACT_SOCKET)
                                    .clearSignorm()
                                    .clearSigforce()
                                    .build());
            client.definitions()
                    .addSubserver(
                            SubserverDef.newBuilder()
                                    .setSubType("conftype")
                                    .setSubsysname("conf3")
                                    .setSubCode(7)
                                    .build());
            client.control().start(StartRequest.newBuilder().setTarget(subsystem("conf3")).build());
        }
        src.awaitAttached("conf3");
    }

    @AfterAll
    static void stop() throws Exception {
        if (src != null) {
            src.close();
        }
    }

    @Test
    void definitionCallsAnswerTheSameThroughBothClients() {
        same(
                c -> c.definitions().addSubsystem(sleeper("added", "")),
                c -> c.definitions().removeSubsystem(name("added")));
        same(c -> c.definitions().addSubsystem(sleeper("conf", "")), undo -> {}); // already on file
        same(c -> c.definitions().addSubsystem(sleeper("", "")), undo -> {}); // refused
        same(
                c -> c.definitions().addSubsystem(sleeper("nouser", "").toBuilder().clearUser().build()),
                undo -> {}); // refused, with a detail in the trailers
        same(
                c ->
                        c.definitions()
                                .changeSubsystem(
                                        SubsystemChange.newBuilder()
                                                .setSubsysname("conf")
                                                .setValues(SubsystemDef.newBuilder().setCmdargs("2000"))
                                                .addFields("cmdargs")
                                                .build()),
                undo -> {});
        same(c -> c.definitions().removeSubsystem(name("nothere")), undo -> {});
        same(
                c ->
                        c.definitions()
                                .addSubserver(
                                        SubserverDef.newBuilder()
                                                .setSubType("other")
                                                .setSubsysname("conf3")
                                                .setSubCode(8)
                                                .build()),
                c -> c.definitions().removeSubserver(name("other")));
        same(c -> c.definitions().removeSubserver(name("nothere")), undo -> {});
        same(
                c ->
                        c.definitions()
                                .addNotify(
                                        NotifyDef.newBuilder()
                                                .setNotifyname("conf")
                                                .setNotifymethod("/bin/true")
                                                .build()),
                c -> c.definitions().removeNotify(name("conf")));
        same(c -> c.definitions().removeNotify(name("nothere")), undo -> {});
        same(c -> c.definitions().listSubsystems(ListSubsystemsRequest.getDefaultInstance()), undo -> {});
        same(
                c ->
                        c.definitions()
                                .listSubsystems(ListSubsystemsRequest.newBuilder().setSubsysname("nothere").build()),
                undo -> {});
        same(c -> c.definitions().listSubservers(ListSubserversRequest.getDefaultInstance()), undo -> {});
        same(c -> c.definitions().listNotifies(ListNotifiesRequest.getDefaultInstance()), undo -> {});
    }

    @Test
    void controlCallsAnswerTheSameThroughBothClients() {
        same(
                c -> c.control().start(StartRequest.newBuilder().setTarget(subsystem("conf")).build()),
                c ->
                        c.control()
                                .stop(
                                        StopRequest.newBuilder()
                                                .setTarget(subsystem("conf"))
                                                .setKind(StopKind.STOP_KIND_FORCED)
                                                .setWaitMs(10_000)
                                                .build()));
        same(c -> c.control().start(StartRequest.newBuilder().setTarget(subsystem("nothere")).build()), undo -> {});
        same(c -> c.control().stop(StopRequest.newBuilder().setTarget(subsystem("conf")).build()), undo -> {});
        same(c -> c.control().status(StatusRequest.newBuilder().setTarget(subsystem("conf")).build()), undo -> {});
        same(c -> c.control().status(StatusRequest.newBuilder().setTarget(subsystem("nothere")).build()), undo -> {});
        same(
                c -> c.control().status(StatusRequest.newBuilder().setTarget(Target.newBuilder().setAll(true)).build()),
                undo -> {});
        same(
                c ->
                        c.control()
                                .status(
                                        StatusRequest.newBuilder()
                                                .setTarget(Target.newBuilder().setGroup("confgrp"))
                                                .build()),
                undo -> {});
        same(c -> c.control().status(StatusRequest.getDefaultInstance()), undo -> {}); // no target: refused
        same(
                c -> c.control().longStatus(LongStatusRequest.newBuilder().setTarget(subsystem("nothere")).build()),
                undo -> {});
        same(
                c -> c.control().longStatus(LongStatusRequest.newBuilder().setTarget(subsystem("conf3")).build()),
                undo -> {});
        same(c -> c.control().refresh(RefreshRequest.newBuilder().setTarget(subsystem("conf")).build()), undo -> {});
        same(
                c -> c.control().trace(TraceRequest.newBuilder().setTarget(subsystem("conf")).setOn(true).build()),
                undo -> {});
        same(
                c ->
                        c.control()
                                .startSubserver(
                                        SubserverStartRequest.newBuilder()
                                                .setSubserver(Subserver.newBuilder().setType("conftype"))
                                                .build()),
                undo -> {});
        same(
                c ->
                        c.control()
                                .stopSubserver(
                                        SubserverStopRequest.newBuilder()
                                                .setSubserver(Subserver.newBuilder().setType("nothere"))
                                                .build()),
                undo -> {});
        same(
                c ->
                        c.control()
                                .subserverStatus(
                                        SubserverStatusRequest.newBuilder()
                                                .setSubserver(Subserver.newBuilder().setType("conftype"))
                                                .build()),
                undo -> {});
    }

    @Test
    void aCallPastItsDeadlineEndsWithDeadlineExceededThroughBothClients() {
        // conf2 is not SRC-aware: srcmstr waits for its answer longer than the clients' one second
        try (SrcClient client = SrcClient.localOverGrpcJava(src.socket())) {
            client.control().start(StartRequest.newBuilder().setTarget(subsystem("conf2")).build());
        }
        var oneSecond = new CommandTimeout(Duration.ofSeconds(1));
        String lean = outcome(SrcClient.local(src.socket()).withTimeout(oneSecond), this::longStatusOfConf2);
        String grpcJava =
                outcome(SrcClient.localOverGrpcJava(src.socket()).withTimeout(oneSecond), this::longStatusOfConf2);
        assertEquals(grpcJava, lean);
        assertTrue(lean.startsWith("DEADLINE_EXCEEDED"), lean);
    }

    private Message longStatusOfConf2(SrcClient c) {
        return c.control().longStatus(LongStatusRequest.newBuilder().setTarget(subsystem("conf2")).build());
    }

    @Test
    void withSrcmstrDownBothClientsSayUnavailableAndThatNothingAnswers() throws IOException {
        Path dir = Files.createTempDirectory("opensrc-conformance-");
        Path socket = dir.resolve("srcmstr.sock");
        Function<SrcClient, Message> status =
                c -> c.control().status(StatusRequest.newBuilder().setTarget(subsystem("conf")).build());
        String lean = outcome(SrcClient.local(socket), status);
        assertEquals(outcome(SrcClient.localOverGrpcJava(socket), status), lean);
        assertTrue(lean.startsWith("UNAVAILABLE"), lean);
        try (SrcClient l = SrcClient.local(socket);
                SrcClient g = SrcClient.localOverGrpcJava(socket)) {
            assertFalse(l.answers());
            assertFalse(g.answers());
        }
        try (SrcClient l = SrcClient.local(src.socket());
                SrcClient g = SrcClient.localOverGrpcJava(src.socket())) {
            assertTrue(l.answers());
            assertTrue(g.answers());
        }
    }

    @Test
    void aReplyOverFourMebibytesIsRefusedAlikeThroughBothClients() throws Exception {
        try (SrcRoot big = SrcRoot.empty()) {
            Files.createDirectories(big.root.resolve("etc/src"));
            Files.writeString(big.root.resolve("etc/src/SRCsubsys.json"), registryOf(7000));
            big.startSrcmstr();
            Function<SrcClient, Message> list =
                    c -> c.definitions().listSubsystems(ListSubsystemsRequest.getDefaultInstance());
            Function<SrcClient, Message> one =
                    c ->
                            c.definitions()
                                    .listSubsystems(ListSubsystemsRequest.newBuilder().setSubsysname("big42").build());
            String lean = outcome(SrcClient.local(big.socket()), list);
            assertEquals(outcome(SrcClient.localOverGrpcJava(big.socket()), list), lean);
            assertTrue(lean.startsWith("RESOURCE_EXHAUSTED"), lean);
            assertEquals(
                    outcome(SrcClient.localOverGrpcJava(big.socket()), one),
                    outcome(SrcClient.local(big.socket()), one));
        }
    }

    @Test
    void aWatchStreamsTheSameSnapshotAndChangesThroughBothClients() {
        try (SrcClient leanClient = SrcClient.local(src.socket());
                SrcClient grpcJavaClient = SrcClient.localOverGrpcJava(src.socket());
                MessageStream<WatchEvent> lean = leanClient.watch();
                MessageStream<WatchEvent> grpcJava = grpcJavaClient.watch()) {
            WatchEvent leanSnapshot = lean.next();
            WatchEvent grpcJavaSnapshot = grpcJava.next();
            assertTrue(leanSnapshot.hasSnapshot());
            assertEquals(
                    grpcJavaSnapshot.toBuilder().clearTimeEpochMs().build(),
                    leanSnapshot.toBuilder().clearTimeEpochMs().build());
            undo(c -> c.control().start(StartRequest.newBuilder().setTarget(subsystem("conf")).build()));
            undo(c -> c.control().stop(StopRequest.newBuilder().setTarget(subsystem("conf")).build()));
            for (int i = 0; i < 3; i++) { // started, stopping, ended: the same events, numbers and times
                WatchEvent one = lean.next();
                assertEquals(grpcJava.next(), one);
                assertEquals(leanSnapshot.getSequence() + 1 + i, one.getSequence());
            }
        }
    }

    /** Makes {@code call} through the lean client, undoes it, makes it through grpc-java's, undoes it: same result. */
    private static void same(Function<SrcClient, Message> call, Consumer<SrcClient> undo) {
        String lean = outcome(SrcClient.local(src.socket()), call);
        undo(undo);
        String grpcJava = outcome(SrcClient.localOverGrpcJava(src.socket()), call);
        undo(undo);
        assertEquals(grpcJava, lean);
    }

    private static void undo(Consumer<SrcClient> undo) {
        try (SrcClient client = SrcClient.localOverGrpcJava(src.socket())) {
            undo.accept(client);
        }
    }

    /**
     * What a command sees of a call: the reply (pids and times masked), or the gRPC code and the SRC failure (code,
     * arguments, detail) the command prints.
     */
    private static String outcome(SrcClient client, Function<SrcClient, Message> call) {
        try (client) {
            Message reply = call.apply(client);
            return "OK " + TextFormat.printer().printToString(reply).replaceAll("\\d{3,}", "#");
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode()
                    + " "
                    + SrcFailure.from(e)
                            .map(f -> f.code() + " " + f.args() + " " + f.detail())
                            .orElse("(no SRC failure)");
        }
    }

    private static SubsystemDef sleeper(String name, String group) {
        return Definitions.rootBySignals(name, "/bin/sleep", "1000").setGrpname(group).build();
    }

    private static NameRequest name(String name) {
        return NameRequest.newBuilder().setName(name).build();
    }

    private static Target subsystem(String name) {
        return Target.newBuilder().setSubsystem(name).build();
    }

    /** A registry of {@code count} subsystems of about 700 bytes each (long arguments and file names). */
    private static String registryOf(int count) {
        String args = "a".repeat(199);
        String file = "/dev/" + "n".repeat(140);
        var json = new StringBuilder("{\"version\":1,\"objects\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"subsysname\":\"big")
                    .append(i)
                    .append("\",\"synonym\":\"\",\"cmdargs\":\"")
                    .append(args)
                    .append("\",\"path\":\"/bin/sleep\",\"uid\":0,\"auditid\":0,\"standin\":\"")
                    .append(file)
                    .append("\",\"standout\":\"")
                    .append(file)
                    .append("\",\"standerr\":\"")
                    .append(file)
                    .append("\",\"action\":\"ONCE\",")
                    .append("\"multi\":false,\"contact\":\"SOCKET\",\"svrkey\":0,\"svrmtype\":0,\"priority\":20,")
                    .append("\"signorm\":\"\",\"sigforce\":\"\",\"display\":true,\"waittime\":20,\"grpname\":\"\",")
                    .append("\"extensions\":{\"backoff\":false,\"backoff_initial_ms\":0,\"backoff_max_ms\":0,")
                    .append("\"kill_escalation\":false,\"readiness\":false}}");
        }
        return json.append("]}").toString();
    }
}
