package org.opensrc.srcmstr.subsys;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import org.opensrc.proto.v1.SubsystemGrpc;
import org.opensrc.proto.v1.SubsystemMessage;
import org.opensrc.proto.v1.SubsystemRequest;
import org.opensrc.srcmstr.caller.CallerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * The gRPC edge of the subsystem API ({@code srcmstr.v1.Subsystem/Attach}). The first message must be a Hello with a
 * token the {@link SubsystemHub} knows, from the instance's own process; otherwise the call ends with
 * PERMISSION_DENIED. After that, replies are routed by request_id and Ready is passed on.
 */
public final class SubsystemService extends SubsystemGrpc.SubsystemImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(SubsystemService.class);

    private final SubsystemHub hub;

    public SubsystemService(SubsystemHub hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public StreamObserver<SubsystemMessage> attach(StreamObserver<SubsystemRequest> out) {
        int callerPid = CallerContext.current().pid();
        return new Inbound(callerPid, out);
    }

    /** One Attach call; gRPC serializes these callbacks. */
    private final class Inbound implements StreamObserver<SubsystemMessage> {
        private final int callerPid;
        private final StreamObserver<SubsystemRequest> out;
        private Attachment attachment;
        private boolean refused;

        Inbound(int callerPid, StreamObserver<SubsystemRequest> out) {
            this.callerPid = callerPid;
            this.out = out;
        }

        @Override
        public void onNext(SubsystemMessage message) {
            if (refused) {
                return;
            }
            if (attachment == null) {
                hello(message);
                return;
            }
            switch (message.getKindCase()) {
                case REPLY -> hub.replied(attachment, message.getReply());
                case READY -> hub.readied(attachment);
                case HELLO, KIND_NOT_SET -> {} // a repeated Hello or a newer message kind: nothing to do
            }
        }

        private void hello(SubsystemMessage message) {
            if (!message.hasHello()) {
                refuse("the first message must be a Hello");
                return;
            }
            switch (hub.admit(message.getHello().getToken(), callerPid, out)) {
                case Admission.Admitted admitted -> attachment = admitted.attachment();
                case Admission.Refused r -> refuse(r.reason());
            }
        }

        private void refuse(String reason) {
            LOG.warn("subsystem API: Attach from pid {} refused: {}", callerPid, reason);
            refused = true;
            out.onError(Status.PERMISSION_DENIED.withDescription(reason).asRuntimeException());
        }

        @Override
        public void onError(Throwable t) {
            if (attachment != null) {
                hub.detach(attachment, null);
            }
        }

        @Override
        public void onCompleted() {
            if (attachment != null) {
                hub.detach(attachment, Status.OK);
            } else if (!refused) {
                out.onCompleted();
            }
        }
    }
}
