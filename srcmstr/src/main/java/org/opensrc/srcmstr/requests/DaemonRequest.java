package org.opensrc.srcmstr.requests;

import java.util.Objects;

/** What srcmstr asks a running socket subsystem over the subsystem API. */
public sealed interface DaemonRequest {

    /** Its status packet ({@code lssrc -l}). */
    record Status(boolean longForm) implements DaemonRequest {}

    /** {@code refresh}. */
    record Refresh() implements DaemonRequest {}

    /** {@code traceson} / {@code tracesoff}. */
    record Trace(boolean on, boolean longForm) implements DaemonRequest {}

    /** {@code stopsrc} of the daemon itself. */
    record Stop(boolean forced) implements DaemonRequest {}

    /** A request about one subserver. */
    record Subserver(
            Action action,
            String type,
            int codePoint,
            String object,
            int subserverPid,
            boolean forced,
            boolean longForm,
            boolean on)
            implements DaemonRequest {

        /** {@code startsrc -t}, {@code stopsrc -t}, {@code lssrc -t}, {@code traceson -t}. */
        public enum Action {
            START,
            STOP,
            STATUS,
            TRACE
        }

        public Subserver {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(object, "object");
        }
    }
}
