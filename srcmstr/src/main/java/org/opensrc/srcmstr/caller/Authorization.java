package org.opensrc.srcmstr.caller;

import io.grpc.Status;

import org.opensrc.libsrc.SrcFailure;
import org.opensrc.proto.v1.SrcCode;

import java.util.Set;

/**
 * Who may change things: root, the uid srcmstr runs as, members of the configured admin group, and allow-listed remote
 * identities. Listings are for everyone.
 */
public record Authorization(int ownUid, int adminGid, Set<String> remoteAllowList) {

    /** adminGid of -1 means no admin group is configured. */
    public Authorization {
        remoteAllowList = Set.copyOf(remoteAllowList);
    }

    public boolean mayChange(Caller caller) {
        if (!caller.remoteIdentity().isEmpty()) {
            return remoteAllowList.contains(caller.remoteIdentity());
        }
        return caller.uid() == 0 || caller.uid() == ownUid || (adminGid >= 0 && caller.gids().contains(adminGid));
    }

    /** Throws the gRPC form of 0513-019 unless the caller of the current request may change things. */
    public void requireChange() {
        Caller caller = CallerContext.current();
        if (!mayChange(caller)) {
            throw SrcFailure.of(Status.Code.PERMISSION_DENIED, SrcCode.SRC_CODE_INVALID_USER).toException();
        }
    }
}
