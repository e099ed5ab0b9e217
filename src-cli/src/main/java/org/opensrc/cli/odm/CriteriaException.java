package org.opensrc.cli.odm;

/** A criteria that libodm would refuse ({@code ODMI_BAD_CRIT}); the message says why. */
public final class CriteriaException extends Exception {

    /** libodm's odmerrno for a badly formed criteria, which odmget prints. */
    public static final int ODMI_BAD_CRIT = 5904;

    public CriteriaException(String message) {
        super(message);
    }
}
