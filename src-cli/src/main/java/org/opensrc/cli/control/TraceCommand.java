package org.opensrc.cli.control;

import org.opensrc.cli.SrcCommand;
import org.opensrc.cli.Targets;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.TraceRequest;
import picocli.CommandLine.Option;

/** What {@code traceson} and {@code tracesoff} share: the same targets, on or off. */
abstract class TraceCommand extends SrcCommand {

    @Option(names = "-g") String group;
    @Option(names = "-p") Integer pid;
    @Option(names = "-s") String subsystem;
    @Option(names = "-t") String type;
    @Option(names = "-o") String object;
    @Option(names = "-P") Integer subserverPid;
    @Option(names = "-h") String host;

    abstract boolean on();

    abstract boolean longTrace();

    @Override
    protected String host() {
        return host;
    }

    @Override
    protected void validate() {
        if (type != null) {
            if (group != null || subsystem != null) {
                throw new UsageException(null);
            }
            return;
        }
        if (object != null || subserverPid != null || Targets.count(group, pid, subsystem) != 1) {
            throw new UsageException(null);
        }
    }

    @Override
    protected int execute(SrcClient client) {
        var request = TraceRequest.newBuilder().setOn(on()).setLong(longTrace());
        if (type != null) {
            request.setSubserver(Targets.subserver(type, object, subserverPid, pid));
        } else {
            request.setTarget(Targets.of(subsystem, group, false, pid));
        }
        return print(client.control().trace(request.build()).getOutcomesList());
    }
}
