package org.opensrc.srcmstr.subsys;

/** The hub's answer to a Hello: the stream is attached, or refused with a reason. */
sealed interface Admission {

    record Admitted(Attachment attachment) implements Admission {}

    record Refused(String reason) implements Admission {}
}
