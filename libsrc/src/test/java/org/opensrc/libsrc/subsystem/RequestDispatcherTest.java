package org.opensrc.libsrc.subsystem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opensrc.proto.v1.RefreshCommand;
import org.opensrc.proto.v1.ServiceCounters;
import org.opensrc.proto.v1.ServiceCountersCommand;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.StatusCommand;
import org.opensrc.proto.v1.StatusRow;
import org.opensrc.proto.v1.StopCommand;
import org.opensrc.proto.v1.SubserverCommand;
import org.opensrc.proto.v1.SubsystemReply;
import org.opensrc.proto.v1.SubsystemRequest;
import org.opensrc.proto.v1.TraceCommand;

import java.util.List;

class RequestDispatcherTest {

    private static SubsystemReply handle(SrcHandler handler, SubsystemRequest.Builder request) {
        return new RequestDispatcher(handler).handle(request.setRequestId(7).build());
    }

    private static SubsystemRequest.Builder longStatus() {
        return SubsystemRequest.newBuilder().setStatus(StatusCommand.newBuilder().setLong(true));
    }

    @Test
    void defaultsAcceptStopAndAnswer129ToEverythingElse() {
        SrcHandler defaults = new SrcHandler() {};
        assertEquals(
                SrcCode.SRC_CODE_UNSPECIFIED,
                handle(defaults, SubsystemRequest.newBuilder().setStop(StopCommand.getDefaultInstance()))
                        .getOutcome()
                        .getCode());
        assertEquals(SrcCode.SRC_CODE_NOSUPPORT, handle(defaults, longStatus()).getOutcome().getCode());
        assertEquals(
                SrcCode.SRC_CODE_NOSUPPORT,
                handle(defaults, SubsystemRequest.newBuilder().setRefresh(RefreshCommand.getDefaultInstance()))
                        .getOutcome()
                        .getCode());
        assertEquals(
                SrcCode.SRC_CODE_NOSUPPORT,
                handle(defaults, SubsystemRequest.newBuilder().setTrace(TraceCommand.getDefaultInstance()))
                        .getOutcome()
                        .getCode());
        assertEquals(
                SrcCode.SRC_CODE_NOSUPPORT,
                handle(defaults, SubsystemRequest.newBuilder().setSubserver(SubserverCommand.getDefaultInstance()))
                        .getOutcome()
                        .getCode());
    }

    private static SubsystemRequest.Builder serviceCounters() {
        return SubsystemRequest.newBuilder().setServiceCounters(ServiceCountersCommand.getDefaultInstance());
    }

    @Test
    void aDaemonWithoutServiceCountersAnswers129() {
        SubsystemReply reply = handle(new SrcHandler() {}, serviceCounters());
        assertEquals(SrcCode.SRC_CODE_NOSUPPORT, reply.getOutcome().getCode());
        assertEquals(0, reply.getServicesCount());
    }

    @Test
    void theServiceCountersReplyCarriesEveryServiceTheHandlerGives() {
        ServiceCounters daytime =
                ServiceCounters.newBuilder().setService("daytime").setProtocol("tcp").setAccepted(3).build();
        SubsystemReply reply =
                handle(
                        new SrcHandler() {
                            @Override
                            public List<ServiceCounters> serviceCounters() {
                                return List.of(daytime);
                            }
                        },
                        serviceCounters());
        assertEquals(SrcCode.SRC_CODE_UNSPECIFIED, reply.getOutcome().getCode());
        assertEquals(List.of(daytime), reply.getServicesList());
    }

    @Test
    void anUnknownRequestKindAnswers087() {
        assertEquals(
                SrcCode.SRC_CODE_SUBICMD,
                handle(new SrcHandler() {}, SubsystemRequest.newBuilder()).getOutcome().getCode());
    }

    @Test
    void theReplyCarriesTheRequestIdAndTheRows() {
        SubsystemReply reply =
                handle(
                        new SrcHandler() {
                            @Override
                            public List<StatusRow> longStatus() {
                                return List.of(StatusRows.row("Debug", "Not active"), StatusRows.blank());
                            }
                        },
                        longStatus());
        assertEquals(7, reply.getRequestId());
        assertEquals(2, reply.getRowsCount());
        assertEquals(SrcCode.SRC_CODE_UNSPECIFIED, reply.getOutcome().getCode());
    }

    @Test
    void aThrowingHandlerAnswers087WithoutRows() {
        SubsystemReply reply =
                handle(
                        new SrcHandler() {
                            @Override
                            public List<StatusRow> longStatus() {
                                throw new IllegalStateException("boom");
                            }
                        },
                        longStatus());
        assertEquals(SrcCode.SRC_CODE_SUBICMD, reply.getOutcome().getCode());
        assertEquals(0, reply.getRowsCount());
    }

    @Test
    void aNullAnswerIsAHandlerBugAndAnswers087() {
        SubsystemReply reply =
                handle(
                        new SrcHandler() {
                            @Override
                            public Reply refresh() {
                                return null;
                            }
                        },
                        SubsystemRequest.newBuilder().setRefresh(RefreshCommand.getDefaultInstance()));
        assertEquals(SrcCode.SRC_CODE_SUBICMD, reply.getOutcome().getCode());
    }
}
