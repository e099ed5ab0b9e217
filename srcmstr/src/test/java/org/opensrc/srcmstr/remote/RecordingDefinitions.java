package org.opensrc.srcmstr.remote;

import io.grpc.stub.StreamObserver;

import org.opensrc.proto.v1.DefinitionReply;
import org.opensrc.proto.v1.DefinitionsGrpc;
import org.opensrc.proto.v1.ListSubsystemsReply;
import org.opensrc.proto.v1.ListSubsystemsRequest;
import org.opensrc.proto.v1.SubsystemDef;
import org.opensrc.srcmstr.caller.CallerContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Definitions stand-in that records who called what; "adding" a subsystem is the change. */
final class RecordingDefinitions extends DefinitionsGrpc.DefinitionsImplBase {

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void listSubsystems(ListSubsystemsRequest request, StreamObserver<ListSubsystemsReply> reply) {
        calls.add("list by " + CallerContext.current().describe());
        reply.onNext(ListSubsystemsReply.getDefaultInstance());
        reply.onCompleted();
    }

    @Override
    public void addSubsystem(SubsystemDef request, StreamObserver<DefinitionReply> reply) {
        calls.add("add " + request.getSubsysname() + " by " + CallerContext.current().describe());
        reply.onNext(DefinitionReply.getDefaultInstance());
        reply.onCompleted();
    }
}
