package org.opensrc.srcmstr.supervise;

import org.opensrc.proto.v1.SrcCode;

import java.util.List;
import java.util.Optional;

/**
 * Every outward lifecycle event of supervision, called on the supervision thread; keep each quick. Defaults do nothing,
 * so an implementation overrides what it needs.
 */
public interface SupervisionListener {

    /** An SRC message for the error log (035 restart, 020 gave up, 017 once died, spawn failures). */
    default void log(SrcCode code, List<String> args) {}

    /** An informational line with no SRC message. */
    default void notice(String message) {}

    /** Run the notify method: the subsystem's own if it has one, else its group's (without waiting). */
    default void runNotify(String subsystem, String group) {}

    /**
     * The persistable state changed: return once it is written (a crash of srcmstr cannot lose it). If it could not be
     * saved, return why (the disk is full …): the batch's spawns are then not made.
     */
    default Optional<String> persist(SupervisionState state) {
        return Optional.empty();
    }

    /**
     * Make the state last written durable (synced: it survives a crash of the machine), before an answer or an
     * operator's start that relies on it. If it could not be synced, return why: the batch's spawns are then not made.
     */
    default Optional<String> sync() {
        return Optional.empty();
    }

    /** Something failed inside srcmstr while handling one event; supervision goes on. */
    default void failure(String what, RuntimeException cause) {}

    /** Shutdown finished; nothing supervised runs any more. */
    default void shutdownComplete() {}
}
