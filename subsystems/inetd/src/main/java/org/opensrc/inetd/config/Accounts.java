package org.opensrc.inetd.config;

import org.opensrc.libsrc.posix.Users;

/**
 * Which users and groups exist, for the user field of inetd.conf. The system's answer is the one the launcher uses when
 * it spawns, so a line the parser accepts names a user that can run the server.
 */
public interface Accounts {

    /** The system's passwd and group databases (names or numeric ids, as the launcher accepts). */
    Accounts SYSTEM =
            new Accounts() {
                @Override
                public boolean userExists(String nameOrNumber) {
                    return Users.lookup(nameOrNumber).isPresent();
                }

                @Override
                public boolean groupExists(String name) {
                    return Users.groupId(name).isPresent();
                }
            };

    boolean userExists(String nameOrNumber);

    boolean groupExists(String name);
}
