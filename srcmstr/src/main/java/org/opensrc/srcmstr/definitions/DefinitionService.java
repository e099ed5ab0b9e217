package org.opensrc.srcmstr.definitions;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

import org.opensrc.libsrc.SrcFailure;
import org.opensrc.proto.v1.DefinitionReply;
import org.opensrc.proto.v1.DefinitionsGrpc;
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
import org.opensrc.proto.v1.SubserverChange;
import org.opensrc.proto.v1.SubserverDef;
import org.opensrc.proto.v1.SubsystemChange;
import org.opensrc.proto.v1.SubsystemDef;
import org.opensrc.srcmstr.caller.Authorization;
import org.opensrc.srcmstr.caller.CallerContext;
import org.opensrc.srcmstr.durable.IoCause;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryFileException;
import org.opensrc.srcmstr.trust.RootPrograms;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Definitions service: mkssys … rmnotify and lssrc -S/-T/-N. Changes need {@link Authorization#requireChange()};
 * listings are for everyone. Refusals end the call with {@link SrcFailure}'s status and trailers.
 */
public final class DefinitionService extends DefinitionsGrpc.DefinitionsImplBase {

    private final Authorization authorization;
    private final DefinitionStore store;
    private final UserNames users;
    private final RootPrograms rootPrograms;

    /**
     * @param rootPrograms checks a subsystem added or changed to run as root; its warning is the text of the reply's
     *     outcome (the command prints it on stderr) and is logged
     */
    public DefinitionService(
            Authorization authorization, DefinitionStore store, UserNames users, RootPrograms rootPrograms) {
        this.authorization = Objects.requireNonNull(authorization);
        this.store = Objects.requireNonNull(store);
        this.users = Objects.requireNonNull(users);
        this.rootPrograms = Objects.requireNonNull(rootPrograms);
    }

    public DefinitionService(Authorization authorization, DefinitionStore store, UserNames users) {
        this(authorization, store, users, RootPrograms.none());
    }

    public DefinitionService(Authorization authorization, DefinitionStore store, RootPrograms rootPrograms) {
        this(authorization, store, UserNames.system(), rootPrograms);
    }

    @Override
    public void addSubsystem(SubsystemDef request, StreamObserver<DefinitionReply> out) {
        change(
                out,
                () ->
                        new Operation.AddSubsystem(
                                ProtoDefinitions.subsystem(
                                        request, users, true, Math.max(CallerContext.current().uid(), 0))));
    }

    @Override
    public void changeSubsystem(SubsystemChange request, StreamObserver<DefinitionReply> out) {
        change(out, () -> ProtoDefinitions.change(request, users));
    }

    @Override
    public void removeSubsystem(NameRequest request, StreamObserver<DefinitionReply> out) {
        change(out, () -> new Operation.RemoveSubsystem(request.getName()));
    }

    @Override
    public void addSubserver(SubserverDef request, StreamObserver<DefinitionReply> out) {
        change(out, () -> new Operation.AddSubserver(ProtoDefinitions.subserver(request)));
    }

    @Override
    public void changeSubserver(SubserverChange request, StreamObserver<DefinitionReply> out) {
        change(
                out,
                () ->
                        new Operation.ChangeSubserver(
                                request.getSubType(),
                                ProtoDefinitions.subserver(request.getValues()),
                                new HashSet<>(request.getFieldsList())));
    }

    @Override
    public void removeSubserver(NameRequest request, StreamObserver<DefinitionReply> out) {
        change(out, () -> new Operation.RemoveSubserver(request.getName()));
    }

    @Override
    public void addNotify(NotifyDef request, StreamObserver<DefinitionReply> out) {
        change(out, () -> new Operation.AddNotify(ProtoDefinitions.notify(request)));
    }

    @Override
    public void removeNotify(NameRequest request, StreamObserver<DefinitionReply> out) {
        change(out, () -> new Operation.RemoveNotify(request.getName()));
    }

    @Override
    public void listSubsystems(ListSubsystemsRequest request, StreamObserver<ListSubsystemsReply> out) {
        reply(
                out,
                () -> {
                    Registry r = store.current();
                    String name = request.getSubsysname();
                    var found =
                            name.isEmpty()
                                    ? r.subsystems()
                                    : r.subsystem(name)
                                            .map(List::of)
                                            .orElseThrow(() -> notFound(SrcCode.SRC_CODE_SUBSYS, name));
                    if (found.isEmpty()) {
                        throw notFound(SrcCode.SRC_CODE_NOREC);
                    }
                    return ListSubsystemsReply.newBuilder()
                            .addAllSubsystems(found.stream().map(ProtoDefinitions::toProto).toList())
                            .build();
                });
    }

    @Override
    public void listSubservers(ListSubserversRequest request, StreamObserver<ListSubserversReply> out) {
        reply(
                out,
                () -> {
                    Registry r = store.current();
                    String type = request.getSubType();
                    var found =
                            type.isEmpty()
                                    ? r.subservers()
                                    : r.subserver(type)
                                            .map(List::of)
                                            .orElseThrow(() -> notFound(SrcCode.SRC_CODE_TYPE, type));
                    if (found.isEmpty()) {
                        throw notFound(SrcCode.SRC_CODE_NOREC);
                    }
                    return ListSubserversReply.newBuilder()
                            .addAllSubservers(found.stream().map(ProtoDefinitions::toProto).toList())
                            .build();
                });
    }

    @Override
    public void listNotifies(ListNotifiesRequest request, StreamObserver<ListNotifiesReply> out) {
        reply(
                out,
                () -> {
                    Registry r = store.current();
                    String name = request.getNotifyname();
                    var found = name.isEmpty() ? r.notifies() : r.notify(name).map(List::of).orElse(List.of());
                    if (found.isEmpty()) {
                        throw notFound(SrcCode.SRC_CODE_NOREC);
                    }
                    return ListNotifiesReply.newBuilder()
                            .addAllNotifies(found.stream().map(ProtoDefinitions::toProto).toList())
                            .build();
                });
    }

    private void change(StreamObserver<DefinitionReply> out, Supplier<Operation> operation) {
        reply(
                out,
                () -> {
                    authorization.requireChange();
                    DefinitionResult result;
                    Registry before = store.current();
                    try {
                        result = store.apply(operation.get(), CallerContext.current().describe());
                    } catch (IOException e) {
                        throw SrcFailure.of(Status.Code.INTERNAL, SrcCode.SRC_CODE_ICMD)
                                .withDetail("the registry could not be written, nothing was changed: " + IoCause.of(e))
                                .toException();
                    } catch (RegistryFileException e) {
                        throw SrcFailure.of(Status.Code.INTERNAL, SrcCode.SRC_CODE_ICMD)
                                .withDetail("the registry cannot be read, nothing was changed: " + e.getMessage())
                                .toException();
                    }
                    return switch (result) {
                        case DefinitionResult.Applied a ->
                                DefinitionReply.newBuilder()
                                        .setOutcome(
                                                outcome(a.code(), a.arg()).toBuilder()
                                                        .setText(warnings(before, a.next())))
                                        .build();
                        case DefinitionResult.Rejected r ->
                                throw (r.arg().isEmpty()
                                                ? SrcFailure.of(statusOf(r.why()), r.code())
                                                : SrcFailure.of(statusOf(r.why()), r.code(), r.arg()))
                                        .withDetail(r.detail())
                                        .toException();
                    };
                });
    }

    /** The root-program warnings of every subsystem that {@code after} adds or changes. */
    private String warnings(Registry before, Registry after) {
        return after.subsystems().stream()
                .filter(def -> !before.subsystems().contains(def))
                .flatMap(def -> rootPrograms.warning(def).stream())
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static Status.Code statusOf(DefinitionResult.Rejected.Why why) {
        return switch (why) {
            case INVALID -> Status.Code.INVALID_ARGUMENT;
            case EXISTS -> Status.Code.ALREADY_EXISTS;
            case PRECONDITION -> Status.Code.FAILED_PRECONDITION;
            case NOT_FOUND -> Status.Code.NOT_FOUND;
        };
    }

    private static <T> void reply(StreamObserver<T> out, Supplier<T> body) {
        T reply;
        try {
            reply = body.get();
        } catch (StatusRuntimeException e) {
            out.onError(e);
            return;
        }
        out.onNext(reply);
        out.onCompleted();
    }

    private static Outcome outcome(SrcCode code, String arg) {
        Outcome.Builder b = Outcome.newBuilder().setCode(code);
        if (!arg.isEmpty()) {
            b.addArgs(arg);
        }
        return b.build();
    }

    private static StatusRuntimeException notFound(SrcCode code, String... args) {
        return SrcFailure.of(Status.Code.NOT_FOUND, code, args).toException();
    }
}
