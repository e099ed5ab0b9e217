package org.opensrc.inetd.net;

import java.io.IOException;

/** A failed socket call, with the call's name and errno. */
public final class NetException extends IOException {
    private final int errno;

    public NetException(String call, int errno) {
        super(call + " failed: errno " + errno + describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    private static String describe(int errno) {
        return switch (errno) {
            case 1 -> " (EPERM)";
            case 4 -> " (EINTR)";
            case 9 -> " (EBADF)";
            case 11 -> " (EAGAIN)";
            case 13 -> " (EACCES)";
            case 22 -> " (EINVAL)";
            case 24 -> " (EMFILE)";
            case 97 -> " (EAFNOSUPPORT)";
            case 98 -> " (EADDRINUSE)";
            case 99 -> " (EADDRNOTAVAIL)";
            case 104 -> " (ECONNRESET)";
            case 111 -> " (ECONNREFUSED)";
            default -> "";
        };
    }
}
