package org.opensrc.srcmstr.supervise;

/** How a wait for an instance to attach to the subsystem API ended ({@link SupervisionLoop#awaitAttach}). */
public enum AttachWait {
    /** The instance is attached: a request can be sent. */
    ATTACHED,
    /** No instance runs as that pid any more (it ended, or never ran). */
    ENDED,
    /** It still runs but did not attach within the limit: a daemon that is not SRC-aware, or a stuck one. */
    NOT_IN_TIME
}
