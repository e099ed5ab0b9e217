package org.opensrc.srcmstr.durable;

import java.io.IOException;
import java.nio.file.FileSystemException;

/**
 * How a failed write is named to an admin: the file and the system's reason ("No space left on device", "Read-only file
 * system", "Permission denied"), not a Java class name.
 */
public final class IoCause {

    private IoCause() {}

    public static String of(IOException e) {
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() == null ? f.getClass().getSimpleName() : f.getReason();
            return (f.getFile() == null ? "" : f.getFile() + ": ") + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
