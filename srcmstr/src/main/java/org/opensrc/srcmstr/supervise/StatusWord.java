package org.opensrc.srcmstr.supervise;

/** The status words {@code srcmstr} itself shows for subsystems (AIX spc.h). */
public enum StatusWord {
    ACTIVE("active"),
    STOPPING("stopping"),
    WARNED_TO_STOP("warned to stop"),
    STARTING("starting"),
    INOPERATIVE("inoperative");

    private final String word;

    StatusWord(String word) {
        this.word = word;
    }

    /** The text {@code lssrc} prints. */
    public String word() {
        return word;
    }
}
