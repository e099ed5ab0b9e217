package org.opensrc.libsrc.posix;

/**
 * A socket call of {@link Net} failed, an outcome its caller expects and handles: a busy port, a peer that reset the
 * connection, an idle timeout.
 */
public final class NetException extends PosixException {

    public NetException(String call, int errno) {
        super(call, errno);
    }
}
