package org.opensrc.cli.control;

import com.google.protobuf.MessageOrBuilder;

import org.opensrc.cli.command.AixUsage;
import org.opensrc.cli.command.Flags;
import org.opensrc.cli.command.JsonOutput;
import org.opensrc.cli.command.SrcCommand;
import org.opensrc.cli.command.Targets;
import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.Outcome;
import org.opensrc.proto.v1.RequestReply;
import org.opensrc.proto.v1.SrcCode;
import org.opensrc.proto.v1.StartReply;
import org.opensrc.proto.v1.StartRequest;
import org.opensrc.proto.v1.SubserverStartRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** {@code startsrc}: starts a subsystem, a group, or a subserver. */
public final class Startsrc extends SrcCommand {

    /**
     * The longest {@code -a} and {@code -e} strings, as IBM's startsrc page documents them ("a maximum of 1200
     * characters"); 0513-112 and 0513-113 name the same number.
     */
    static final int MAX_ARGUMENT_BYTES = 1200;

    final TargetFlags target = new TargetFlags();

    String args;

    String env;

    String type;

    String object;

    Integer waitSeconds;

    boolean json;

    @Override
    protected void declare(Flags flags) {
        target.declare(flags);
        flags.text("-a", v -> args = v);
        flags.text("-e", v -> env = v);
        flags.text("-t", v -> type = v);
        flags.text("-o", v -> object = v);
        flags.optionalNumber("--wait", "60", v -> waitSeconds = v);
        flags.flag("--json", () -> json = true);
    }

    @Override
    protected String usage() {
        return AixUsage.of(
                "startsrc",
                "Beyond AIX: --wait[=seconds] waits until each subsystem is active or ready; --json prints the answer as JSON.");
    }

    @Override
    protected String host() {
        return target.host;
    }

    @Override
    protected void validate() {
        if (Targets.count(target.subsystem, target.group, type) != 1) {
            throw new UsageException(null);
        }
        if (type != null && (args != null || env != null)) {
            throw new UsageException(null);
        }
        if (type == null && (object != null || target.pid != null)) {
            throw new UsageException(null);
        }
        if (args != null && args.getBytes(StandardCharsets.UTF_8).length > MAX_ARGUMENT_BYTES) {
            throw new UsageException(Messages.render(SrcCode.SRC_CODE_STARTARGS_2BIG));
        }
        if (env != null && env.getBytes(StandardCharsets.UTF_8).length > MAX_ARGUMENT_BYTES) {
            throw new UsageException(Messages.render(SrcCode.SRC_CODE_ENV_2BIG));
        }
    }

    @Override
    protected int execute(SrcClient client) {
        if (type != null) {
            RequestReply reply =
                    client.control()
                            .startSubserver(
                                    SubserverStartRequest.newBuilder()
                                            .setSubserver(Targets.subserver(type, object, null, target.pid))
                                            .build());
            return json ? printJson(reply, reply.getOutcomesList()) : print(subserverLines(reply.getOutcomesList()));
        }
        var request = StartRequest.newBuilder().setTarget(Targets.of(target.subsystem, target.group, false, null));
        if (args != null) {
            request.setArgs(args);
        }
        if (env != null) {
            request.setEnv(env);
        }
        if (waitSeconds != null) {
            request.setWaitMs(waitSeconds * 1000L);
        }
        StartReply reply = client.control(Duration.ofMillis(request.getWaitMs())).start(request.build());
        return json ? printJson(reply, reply.getOutcomesList()) : print(reply.getOutcomesList());
    }

    /**
     * What AIX prints for {@code startsrc -t}: the subsystem's answer about the subserver only. When srcmstr had to
     * start the parent first, that start is silent on AIX (srcmstr starts it and passes the request on; nothing goes
     * back to the command), so its 0513-059 line is left out; a failure to start it is still printed.
     */
    private static List<Outcome> subserverLines(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.getCode() != SrcCode.SRC_CODE_STRTOK).toList();
    }

    private int printJson(MessageOrBuilder reply, List<Outcome> outcomes) {
        JsonOutput.print(out(), reply);
        return outcomes.stream().allMatch(o -> Messages.isSuccess(o.getCode())) ? 0 : 1;
    }
}
