package org.opensrc.srcmstr.supervise;

import java.util.List;
import java.util.Objects;

/** The result of one event: the new state and the effects to carry out, in order. */
public record Transition(SupervisionState state, List<Effect> effects) {

    public Transition {
        Objects.requireNonNull(state, "state");
        effects = List.copyOf(effects);
    }
}
