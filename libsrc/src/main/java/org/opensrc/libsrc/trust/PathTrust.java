package org.opensrc.libsrc.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether root may trust a file, as sudo and ssh decide it: the file and every directory the kernel passes through to
 * reach it, up to {@code /}, is owned by a trusted uid (root or the process itself), and none of them can be changed by
 * anybody else: the file is not writable by group or others, and a directory is not writable by group or others unless
 * it has the sticky bit (as {@code /tmp}: others may add files there, but not rename or remove root's). A symlink on
 * the way is followed: its target and the target's directories are checked too (the link itself can only be replaced
 * through its directory, which is checked).
 */
public final class PathTrust {

    private static final int GROUP_OTHER_WRITE = 0022;
    private static final int STICKY = 01000;
    private static final int TYPE_MASK = 0170000;
    private static final int DIRECTORY = 0040000;
    private static final int SYMLINK = 0120000;
    private static final int MAX_LINKS = 40;

    private final Set<Integer> trustedOwners;

    /**
     * @param trustedOwners the uids that may own the file and its directories (root and the caller)
     */
    public PathTrust(Set<Integer> trustedOwners) {
        this.trustedOwners = Set.copyOf(trustedOwners);
    }

    /** Trusts root and {@code ownUid}. */
    public static PathTrust rootAnd(int ownUid) {
        return new PathTrust(new HashSet<>(List.of(0, ownUid)));
    }

    /** One thing that makes a path untrusted, e.g. {@code /opt/x: directory writable by others (mode 0777)}. */
    public record Finding(Path path, String reason) {
        @Override
        public String toString() {
            return path + ": " + reason;
        }
    }

    /**
     * Every finding on the way to {@code file} (absolute), in the order the kernel meets them from the file upwards;
     * empty when the path is trusted or does not exist.
     */
    public List<Finding> check(Path file) {
        List<Finding> findings = new ArrayList<>();
        walk(file.toAbsolutePath(), findings, new HashSet<>(), 0);
        return findings;
    }

    private void walk(Path path, List<Finding> findings, Set<Path> seen, int depth) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (!seen.add(p)) {
                continue;
            }
            int mode;
            int owner;
            try {
                mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException | UnsupportedOperationException e) {
                findings.add(new Finding(p, "cannot be examined: " + e.getMessage()));
                continue;
            }
            int type = mode & TYPE_MASK;
            if (type == SYMLINK) {
                if (depth >= MAX_LINKS) {
                    findings.add(new Finding(p, "too many levels of symbolic links"));
                    continue;
                }
                try {
                    walk(p.toRealPath(), findings, seen, depth + 1);
                } catch (IOException e) {
                    // a dangling link: nothing to run or read through it
                }
                continue;
            }
            if (!trustedOwners.contains(owner)) {
                findings.add(new Finding(p, "owned by uid " + owner + ", not root"));
            }
            if ((mode & GROUP_OTHER_WRITE) != 0 && !(type == DIRECTORY && (mode & STICKY) != 0)) {
                findings.add(
                        new Finding(
                                p,
                                String.format(
                                        "%s writable by %s (mode %04o)",
                                        type == DIRECTORY ? "directory" : "file", writers(mode), mode & 07777)));
            }
        }
    }

    private static String writers(int mode) {
        boolean group = (mode & 0020) != 0;
        boolean others = (mode & 0002) != 0;
        return group && others ? "group and others" : group ? "group" : "others";
    }
}
