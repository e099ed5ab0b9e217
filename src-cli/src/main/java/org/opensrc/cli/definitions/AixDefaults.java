package org.opensrc.cli.definitions;

import org.opensrc.proto.v1.Action;
import org.opensrc.proto.v1.Contact;
import org.opensrc.proto.v1.SubsystemDef;

/**
 * The definition {@code mkssys} makes from only {@code -p -s -u}, and what {@code lssrc -S -d} prints: stdio
 * /dev/console, -O -d -Q -K, priority 20, waittime 20.
 */
public final class AixDefaults {

    private AixDefaults() {}

    public static SubsystemDef.Builder subsystem() {
        return SubsystemDef.newBuilder()
                .setStandin("/dev/console")
                .setStandout("/dev/console")
                .setStanderr("/dev/console")
                .setAction(Action.ACTION_ONCE)
                .setMulti(false)
                .setContact(Contact.CONTACT_SOCKET)
                .setPriority(20)
                .setDisplay(true)
                .setWaittime(20);
    }
}
