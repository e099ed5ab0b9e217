package org.opensrc.srcmstr.supervise;

/** Opaque token the driver uses to route a {@link Effect.Reply} back to the caller who asked. */
public record ReplyTo(long token) {}
