package org.opensrc.cli.definitions;

import org.opensrc.cli.command.SrcCommand.UsageException;
import org.opensrc.proto.v1.DefinitionReply;
import org.opensrc.proto.v1.NameRequest;
import org.opensrc.proto.v1.Outcome;

import java.util.function.Function;

/**
 * What {@code rmssys}, {@code rmserver} and {@code rmnotify} share: each takes one flag that names the definition,
 * required, and sends that name to its Remove call, whose one outcome it prints.
 */
final class Removal {

    private Removal() {}

    /** Throws {@link UsageException} when the naming flag was not given. */
    static void requireName(String name) {
        if (name == null) {
            throw new UsageException(null);
        }
    }

    /** Removes the definition {@code name} with {@code call} (a Definitions Remove RPC). */
    static Outcome remove(String name, Function<NameRequest, DefinitionReply> call) {
        return call.apply(NameRequest.newBuilder().setName(name).build()).getOutcome();
    }
}
