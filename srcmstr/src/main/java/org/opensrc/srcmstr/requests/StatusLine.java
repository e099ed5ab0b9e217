package org.opensrc.srcmstr.requests;

import org.opensrc.srcmstr.supervise.InstanceView;

import java.util.List;
import java.util.Objects;

/** One line of short status and, when asked for, the pids of the instance's process tree. */
public record StatusLine(InstanceView view, List<Integer> tree) {

    public StatusLine {
        Objects.requireNonNull(view, "view");
        tree = List.copyOf(tree);
    }
}
