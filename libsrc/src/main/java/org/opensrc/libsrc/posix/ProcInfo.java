package org.opensrc.libsrc.posix;

/**
 * One process as /proc shows it. {@code startTime} is field 22 of /proc/pid/stat (clock ticks since boot); with the pid
 * it names a process uniquely across pid reuse. {@code state} is the one-letter state ('R', 'S', 'Z', ...); {@code uid}
 * is the real uid.
 */
public record ProcInfo(int pid, int ppid, int pgid, int sid, long startTime, char state, int uid, String comm) {

    public boolean zombie() {
        return state == 'Z' || state == 'X';
    }
}
