package org.opensrc.srcmstr.caller;

import io.grpc.Context;

/** Where the gRPC edge keeps the {@link Caller} of the request being handled. */
public final class CallerContext {

    private static final Context.Key<Caller> KEY = Context.key("opensrc.caller");

    private CallerContext() {}

    /** The current gRPC context with {@code caller} as the request's caller (server interceptors). */
    public static Context with(Caller caller) {
        return Context.current().withValue(KEY, caller);
    }

    /** The caller of the request being handled on this thread ({@link Caller#UNKNOWN} outside a request). */
    public static Caller current() {
        Caller c = KEY.get();
        return c == null ? Caller.UNKNOWN : c;
    }

    /** Runs {@code body} as if {@code caller} had made the request (tests, in-process use). */
    public static void runAs(Caller caller, Runnable body) {
        with(caller).run(body);
    }
}
