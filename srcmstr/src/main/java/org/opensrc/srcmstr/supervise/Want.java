package org.opensrc.srcmstr.supervise;

/** What the operator last asked for a subsystem, kept apart from what runs. */
public enum Want {
    UP,
    DOWN
}
