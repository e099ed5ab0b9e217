package org.opensrc.it;

import org.opensrc.proto.v1.Action;
import org.opensrc.proto.v1.Contact;
import org.opensrc.proto.v1.SubsystemDef;

/** Subsystem definitions the end-to-end tests send over the Definitions API. */
final class Definitions {

    private Definitions() {}

    /**
     * A subsystem run as root that srcmstr reaches by signals (SIGTERM, then SIGKILL), started once, with its standard
     * streams on /dev/null.
     */
    static SubsystemDef.Builder rootBySignals(String name, String path, String args) {
        return SubsystemDef.newBuilder()
                .setSubsysname(name)
                .setPath(path)
                .setCmdargs(args)
                .setUser("0")
                .setStandin("/dev/null")
                .setStandout("/dev/null")
                .setStanderr("/dev/null")
                .setAction(Action.ACTION_ONCE)
                .setContact(Contact.CONTACT_SIGNAL)
                .setSignorm("SIGTERM")
                .setSigforce("SIGKILL")
                .setPriority(20)
                .setDisplay(true)
                .setWaittime(20);
    }
}
