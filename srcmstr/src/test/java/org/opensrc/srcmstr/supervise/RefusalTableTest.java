package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Every command in every state, and the one answer AIX gives: legal and illegal transitions in one table. */
class RefusalTableTest {

    private static final SubsystemDef SINGLE = Defs.of("sendmail").def();
    private static final SubsystemDef MULTI = Defs.of("srctest").multiple().def();

    private static Command stop(SubsystemDef def, StopType kind) {
        return new Command.Stop(new StopTarget.BySubsystem(def.subsysname()), kind);
    }

    private static Command start(SubsystemDef def) {
        return new Command.Start(def, List.of(), List.of());
    }

    private static final Consumer<Harness> INOPERATIVE = h -> {};
    private static final Consumer<Harness> ACTIVE = h -> h.start(SINGLE, 100);
    private static final Consumer<Harness> STOPPING =
            h -> {
                h.start(SINGLE, 100);
                h.stop("sendmail", StopType.NORMAL);
            };
    private static final Consumer<Harness> CANCELLED =
            h -> {
                h.start(SINGLE, 100);
                h.stop("sendmail", StopType.CANCEL);
            };
    private static final Consumer<Harness> STOPPING_THEN_CANCELLED =
            h -> {
                STOPPING.accept(h);
                h.stop("sendmail", StopType.CANCEL);
            };
    private static final Consumer<Harness> TWO_INSTANCES =
            h -> {
                h.start(MULTI, 200);
                h.start(MULTI, 201);
            };
    private static final Consumer<Harness> SHUTTING_DOWN =
            h -> {
                h.start(SINGLE, 100);
                h.apply(new Event.Shutdown());
            };

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("stop inoperative", INOPERATIVE, stop(SINGLE, StopType.NORMAL), SrcCode.SRC_CODE_SVND),
                Arguments.of("cancel inoperative", INOPERATIVE, stop(SINGLE, StopType.CANCEL), SrcCode.SRC_CODE_SVND),
                Arguments.of(
                        "stop unknown pid",
                        ACTIVE,
                        new Command.Stop(new StopTarget.ByPid(999), StopType.NORMAL),
                        SrcCode.SRC_CODE_SVND),
                Arguments.of("normal stop active", ACTIVE, stop(SINGLE, StopType.NORMAL), SrcCode.SRC_CODE_STPOK),
                Arguments.of("forced stop active", ACTIVE, stop(SINGLE, StopType.FORCED), SrcCode.SRC_CODE_STPOK),
                Arguments.of("cancel active", ACTIVE, stop(SINGLE, StopType.CANCEL), SrcCode.SRC_CODE_STPOK),
                Arguments.of(
                        "stop by pid",
                        ACTIVE,
                        new Command.Stop(new StopTarget.ByPid(100), StopType.NORMAL),
                        SrcCode.SRC_CODE_STPOK),
                Arguments.of(
                        "normal stop while stopping", STOPPING, stop(SINGLE, StopType.NORMAL), SrcCode.SRC_CODE_STPG),
                Arguments.of(
                        "forced stop while stopping", STOPPING, stop(SINGLE, StopType.FORCED), SrcCode.SRC_CODE_STPG),
                Arguments.of("cancel while stopping", STOPPING, stop(SINGLE, StopType.CANCEL), SrcCode.SRC_CODE_STPOK),
                Arguments.of(
                        "normal stop after cancel", CANCELLED, stop(SINGLE, StopType.NORMAL), SrcCode.SRC_CODE_STPG),
                Arguments.of(
                        "forced stop after cancel", CANCELLED, stop(SINGLE, StopType.FORCED), SrcCode.SRC_CODE_STPG),
                Arguments.of("cancel after cancel", CANCELLED, stop(SINGLE, StopType.CANCEL), SrcCode.SRC_CODE_STPG),
                Arguments.of(
                        "cancel after stopping+cancel",
                        STOPPING_THEN_CANCELLED,
                        stop(SINGLE, StopType.CANCEL),
                        SrcCode.SRC_CODE_STPG),
                Arguments.of("start active single", ACTIVE, start(SINGLE), SrcCode.SRC_CODE_MULT),
                Arguments.of("start stopping single", STOPPING, start(SINGLE), SrcCode.SRC_CODE_MULT),
                Arguments.of(
                        "stop several instances without pid",
                        TWO_INSTANCES,
                        stop(MULTI, StopType.NORMAL),
                        SrcCode.SRC_CODE_WICH),
                Arguments.of(
                        "stop one of several by pid",
                        TWO_INSTANCES,
                        new Command.Stop(new StopTarget.ByPid(201), StopType.FORCED),
                        SrcCode.SRC_CODE_STPOK),
                Arguments.of("start while shutting down", SHUTTING_DOWN, start(SINGLE), SrcCode.SRC_CODE_DMNA),
                Arguments.of(
                        "stop while shutting down",
                        SHUTTING_DOWN,
                        stop(SINGLE, StopType.NORMAL),
                        SrcCode.SRC_CODE_STPG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void commandInStateGivesTheAixAnswer(String label, Consumer<Harness> given, Command command, SrcCode expected) {
        Harness h = new Harness();
        given.accept(h);
        assertEquals(List.of(expected), h.ask(command), label);
    }
}
