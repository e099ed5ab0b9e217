package org.opensrc.srcmstr.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensrc.libsrc.SrcFailure;
import org.opensrc.proto.v1.Action;
import org.opensrc.proto.v1.Contact;
import org.opensrc.proto.v1.DefinitionReply;
import org.opensrc.proto.v1.ListNotifiesReply;
import org.opensrc.proto.v1.ListNotifiesRequest;
import org.opensrc.proto.v1.ListSubserversReply;
import org.opensrc.proto.v1.ListSubserversRequest;
import org.opensrc.proto.v1.ListSubsystemsReply;
import org.opensrc.proto.v1.ListSubsystemsRequest;
import org.opensrc.proto.v1.NameRequest;
import org.opensrc.proto.v1.NotifyDef;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.SubserverDef;
import org.opensrc.proto.v1.SubsystemChange;
import org.opensrc.proto.v1.SubsystemDef;
import org.opensrc.srcmstr.caller.Authorization;
import org.opensrc.srcmstr.caller.Caller;
import org.opensrc.srcmstr.caller.CallerContext;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

class DefinitionServiceTest {

    static final Caller ROOT = Caller.local(0, 100, List.of(0));
    static final Caller ADMIN = Caller.local(1000, 101, List.of(1000, 50));
    static final Caller USER = Caller.local(1001, 102, List.of(1001));

    @TempDir Path dir;
    DefinitionStore store;
    DefinitionService service;

    @BeforeEach
    void setUp() throws Exception {
        RegistryStore files = new RegistryStore(dir);
        store = new DefinitionStore(files, files.load());
        UserNames users = name -> name.equals("daemon") ? OptionalLong.of(2) : OptionalLong.empty();
        service = new DefinitionService(new Authorization(999, 50, Set.of()), store, users);
    }

    static SubsystemDef sshd() {
        return SubsystemDef.newBuilder()
                .setSubsysname("sshd")
                .setPath("/usr/sbin/sshd")
                .setCmdargs("-D")
                .setUser("0")
                .setAction(Action.ACTION_RESPAWN)
                .setContact(Contact.CONTACT_SIGNAL)
                .setSignorm("15")
                .setSigforce("KILL")
                .setPriority(20)
                .setDisplay(true)
                .setWaittime(20)
                .setGrpname("tcpip")
                .build();
    }

    <T> RecordingObserver<T> as(Caller caller, Class<T> type, Consumer<RecordingObserver<T>> call) {
        RecordingObserver<T> out = new RecordingObserver<>();
        CallerContext.runAs(caller, () -> call.accept(out));
        return out;
    }

    static SrcFailure failure(RecordingObserver<?> out) {
        assertFalse(out.completed);
        return SrcFailure.from(out.error).orElseThrow(() -> new AssertionError("no src-code", out.error));
    }

    @Test
    void rootAddsASubsystemDurablyWithAuditidAndCanonicalSignals() throws Exception {
        RecordingObserver<DefinitionReply> out = as(ROOT, DefinitionReply.class, o -> service.addSubsystem(sshd(), o));
        assertEquals(
                Outcome.newBuilder().setCode(SrcCode.SRC_CODE_SUBADD).addArgs("sshd").build(),
                out.single().getOutcome());
        var stored = new RegistryStore(dir).load().subsystem("sshd").orElseThrow();
        assertEquals("SIGTERM", stored.signorm());
        assertEquals("SIGKILL", stored.sigforce());
        assertEquals(0, stored.auditid());
        assertEquals("/dev/console", stored.standin());
        assertEquals(1, store.current().subsystems().size());
    }

    @Test
    void adminGroupMemberMayChangeAndAuditidIsTheirUid() {
        as(ADMIN, DefinitionReply.class, o -> service.addSubsystem(sshd(), o)).single();
        assertEquals(1000, store.current().subsystem("sshd").orElseThrow().auditid());
    }

    @Test
    void nonAdminChangeIsRefusedWith019AndChangesNothing() {
        RecordingObserver<DefinitionReply> out = as(USER, DefinitionReply.class, o -> service.addSubsystem(sshd(), o));
        SrcFailure f = failure(out);
        assertEquals(Status.Code.PERMISSION_DENIED, f.grpcCode());
        assertEquals(SrcCode.SRC_CODE_INVALID_USER, f.code());
        assertEquals(19, f.code().getNumber());
        assertEquals(Registry.EMPTY, store.current());
        assertFalse(Files.exists(dir.resolve("SRCsubsys.json")));
    }

    @Test
    void rejectionCrossesAsStatusWithSrcCodeAndArgument() {
        RecordingObserver<DefinitionReply> out =
                as(
                        ROOT,
                        DefinitionReply.class,
                        o -> service.removeSubsystem(NameRequest.newBuilder().setName("nope").build(), o));
        SrcFailure f = failure(out);
        assertEquals(Status.Code.NOT_FOUND, f.grpcCode());
        assertEquals(SrcCode.SRC_CODE_SUBSYS, f.code());
        assertEquals(List.of("nope"), f.args());
    }

    @Test
    void invalidSignalIsRefusedWith089() {
        SubsystemDef bad = sshd().toBuilder().setSignorm("SIGNOPE").build();
        SrcFailure f = failure(as(ROOT, DefinitionReply.class, o -> service.addSubsystem(bad, o)));
        assertEquals(Status.Code.INVALID_ARGUMENT, f.grpcCode());
        assertEquals(SrcCode.SRC_CODE_BADNSIG, f.code());
    }

    @Test
    void userNameIsResolvedOnTheServer() {
        as(
                        ROOT,
                        DefinitionReply.class,
                        o -> service.addSubsystem(sshd().toBuilder().setUser("daemon").setUid(77).build(), o))
                .single();
        assertEquals(2, store.current().subsystem("sshd").orElseThrow().uid());
        SrcFailure f =
                failure(
                        as(
                                ROOT,
                                DefinitionReply.class,
                                o ->
                                        service.addSubsystem(
                                                sshd().toBuilder().setSubsysname("x").setUser("nobody-here").build(),
                                                o)));
        assertEquals(SrcCode.SRC_CODE_PARM, f.code());
    }

    @Test
    void anEmptyUserNeverMeansRootAndIsRefusedNamingTheFlag() {
        SrcFailure f =
                failure(
                        as(
                                ROOT,
                                DefinitionReply.class,
                                o -> service.addSubsystem(sshd().toBuilder().setUser("").setUid(0).build(), o)));
        assertEquals(SrcCode.SRC_CODE_PARM, f.code());
        assertTrue(f.detail().startsWith("-u: no user given"), f.detail());
        assertEquals(Registry.EMPTY, store.current());
    }

    @Test
    void uidsBeyondTheKernelRangeAreRefusedWhereTheyEnter() {
        for (String uid : List.of("4294967295", "2147483648", "99999999999999999999999")) {
            SrcFailure f =
                    failure(
                            as(
                                    ROOT,
                                    DefinitionReply.class,
                                    o -> service.addSubsystem(sshd().toBuilder().setUser(uid).build(), o)));
            assertEquals(SrcCode.SRC_CODE_PARM, f.code(), uid);
            assertTrue(f.detail().contains("out of range"), f.detail());
        }
        assertEquals(Registry.EMPTY, store.current());
    }

    @Test
    void aBackoffOfLongMaxIsRefused() {
        SrcFailure f =
                failure(
                        as(
                                ROOT,
                                DefinitionReply.class,
                                o ->
                                        service.addSubsystem(
                                                sshd().toBuilder()
                                                        .setExtensions(
                                                                org.opensrc.proto.v1.Extensions.newBuilder()
                                                                        .setBackoff(true)
                                                                        .setBackoffInitialMs(Long.MAX_VALUE))
                                                        .build(),
                                                o)));
        assertEquals(SrcCode.SRC_CODE_PARM, f.code());
        assertTrue(
                f.detail().startsWith("extensions.backoff_initial_ms: 9223372036854775807 is out of range"),
                f.detail());
    }

    @Test
    void chssysRenamesAndListingFollows() {
        as(ROOT, DefinitionReply.class, o -> service.addSubsystem(sshd(), o)).single();
        SubsystemChange rename =
                SubsystemChange.newBuilder()
                        .setSubsysname("sshd")
                        .setValues(SubsystemDef.newBuilder().setSubsysname("openssh"))
                        .addFields("subsysname")
                        .build();
        RecordingObserver<DefinitionReply> out =
                as(ROOT, DefinitionReply.class, o -> service.changeSubsystem(rename, o));
        assertEquals(SrcCode.SRC_CODE_SUBCH, out.single().getOutcome().getCode());
        assertEquals(0, out.single().getOutcome().getArgsCount());
        RecordingObserver<ListSubsystemsReply> list =
                as(
                        USER,
                        ListSubsystemsReply.class,
                        o ->
                                service.listSubsystems(
                                        ListSubsystemsRequest.newBuilder().setSubsysname("openssh").build(), o));
        SubsystemDef listed = list.single().getSubsystems(0);
        assertEquals("openssh", listed.getSubsysname());
        assertEquals("SIGTERM", listed.getSignorm());
        assertEquals(Contact.CONTACT_SIGNAL, listed.getContact());
        assertEquals("-D", listed.getCmdargs());
    }

    @Test
    void listingsAreForEveryoneAndReportMissingRecords() {
        assertEquals(
                SrcCode.SRC_CODE_NOREC,
                failure(
                                as(
                                        USER,
                                        ListSubsystemsReply.class,
                                        o -> service.listSubsystems(ListSubsystemsRequest.getDefaultInstance(), o)))
                        .code());
        as(
                        ROOT,
                        DefinitionReply.class,
                        o ->
                                service.addSubsystem(
                                        SubsystemDef.newBuilder()
                                                .setSubsysname("inetd")
                                                .setPath("/usr/sbin/inetd")
                                                .setUser("0")
                                                .setPriority(20)
                                                .setDisplay(true)
                                                .setWaittime(20)
                                                .build(),
                                        o))
                .single();
        as(
                        ROOT,
                        DefinitionReply.class,
                        o ->
                                service.addSubserver(
                                        SubserverDef.newBuilder()
                                                .setSubType("ftp")
                                                .setSubsysname("inetd")
                                                .setSubCode(21)
                                                .build(),
                                        o))
                .single();
        as(
                        ROOT,
                        DefinitionReply.class,
                        o ->
                                service.addNotify(
                                        NotifyDef.newBuilder().setNotifyname("inetd").setNotifymethod("/bin/n").build(),
                                        o))
                .single();

        assertEquals(
                1,
                as(
                                USER,
                                ListSubsystemsReply.class,
                                o -> service.listSubsystems(ListSubsystemsRequest.getDefaultInstance(), o))
                        .single()
                        .getSubsystemsCount());
        SrcFailure missing =
                failure(
                        as(
                                USER,
                                ListSubsystemsReply.class,
                                o ->
                                        service.listSubsystems(
                                                ListSubsystemsRequest.newBuilder().setSubsysname("sshd").build(), o)));
        assertEquals(Status.Code.NOT_FOUND, missing.grpcCode());
        assertEquals(SrcCode.SRC_CODE_SUBSYS, missing.code());
        assertEquals(List.of("sshd"), missing.args());

        ListSubserversReply svrs =
                as(
                                USER,
                                ListSubserversReply.class,
                                o -> service.listSubservers(ListSubserversRequest.getDefaultInstance(), o))
                        .single();
        assertEquals("ftp", svrs.getSubservers(0).getSubType());
        assertEquals(
                SrcCode.SRC_CODE_TYPE,
                failure(
                                as(
                                        USER,
                                        ListSubserversReply.class,
                                        o ->
                                                service.listSubservers(
                                                        ListSubserversRequest.newBuilder().setSubType("tftp").build(),
                                                        o)))
                        .code());

        ListNotifiesReply notes =
                as(
                                USER,
                                ListNotifiesReply.class,
                                o ->
                                        service.listNotifies(
                                                ListNotifiesRequest.newBuilder().setNotifyname("inetd").build(), o))
                        .single();
        assertEquals("/bin/n", notes.getNotifies(0).getNotifymethod());
        assertEquals(
                SrcCode.SRC_CODE_NOREC,
                failure(
                                as(
                                        USER,
                                        ListNotifiesReply.class,
                                        o ->
                                                service.listNotifies(
                                                        ListNotifiesRequest.newBuilder().setNotifyname("sshd").build(),
                                                        o)))
                        .code());

        RecordingObserver<DefinitionReply> rm =
                as(
                        ROOT,
                        DefinitionReply.class,
                        o -> service.removeSubsystem(NameRequest.newBuilder().setName("inetd").build(), o));
        assertEquals(SrcCode.SRC_CODE_SSYSRM, rm.single().getOutcome().getCode());
        assertEquals(Registry.EMPTY, store.current());
        assertNull(rm.error);
    }
}
