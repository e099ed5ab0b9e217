package org.opensrc.srcmstr.control;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.SocketChannel;

/**
 * The file descriptor of a JDK socket channel, which {@code getsockopt(2)} needs and no supported API gives: {@code
 * sun.nio.ch.SelChImpl.getFDVal()}, a public method of a package srcmstr's launcher exports to it ({@code --add-exports
 * java.base/sun.nio.ch=ALL-UNNAMED}, lib/opensrc-run). Looked up reflectively because {@code javac --release} refuses
 * to export a system package at compile time.
 */
final class ChannelFd {

    private static final MethodHandle GET_FD_VAL = getFdVal();

    private ChannelFd() {}

    /** Fails now, at start, rather than at the first connection, when the launcher did not export the package. */
    static void requireAccess() {
        if (GET_FD_VAL == null) {
            throw new IllegalStateException();
        }
    }

    static int of(SocketChannel channel) {
        try {
            return (int) GET_FD_VAL.invoke(channel);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static MethodHandle getFdVal() {
        try {
            Class<?> selChImpl = Class.forName("sun.nio.ch.SelChImpl");
            return MethodHandles.lookup()
                    .findVirtual(selChImpl, "getFDVal", MethodType.methodType(int.class))
                    .asType(MethodType.methodType(int.class, SocketChannel.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "srcmstr needs --add-exports java.base/sun.nio.ch=ALL-UNNAMED to read its callers' credentials", e);
        }
    }
}
