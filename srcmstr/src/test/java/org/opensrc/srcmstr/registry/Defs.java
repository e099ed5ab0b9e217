package org.opensrc.srcmstr.registry;

import org.opensrc.srcmstr.registry.SubsystemDef.Action;
import org.opensrc.srcmstr.registry.SubsystemDef.Contact;
import org.opensrc.srcmstr.registry.SubsystemDef.Extensions;

/** Test builder: a subsystem definition from the AIX defaults, changed field by field. */
public final class Defs {
    public String subsysname,
            synonym = "",
            cmdargs = "",
            path,
            standin = "/dev/console",
            standout = "/dev/console",
            standerr = "/dev/console",
            signorm = "",
            sigforce = "",
            grpname = "";
    public long uid, auditid, svrkey, svrmtype;
    public Action action = Action.ONCE;
    public boolean multi, display = true;
    public Contact contact = Contact.SOCKET;
    public int priority = 20, waittime = 20;
    public Extensions extensions = Extensions.NONE;

    private Defs(String name) {
        this.subsysname = name;
        this.path = "/usr/sbin/" + name;
    }

    public static Defs subsystem(String name) {
        return new Defs(name);
    }

    public Defs synonym(String v) {
        synonym = v;
        return this;
    }

    public Defs cmdargs(String v) {
        cmdargs = v;
        return this;
    }

    public Defs path(String v) {
        path = v;
        return this;
    }

    public Defs standin(String v) {
        standin = v;
        return this;
    }

    public Defs standout(String v) {
        standout = v;
        return this;
    }

    public Defs standerr(String v) {
        standerr = v;
        return this;
    }

    public Defs group(String v) {
        grpname = v;
        return this;
    }

    public Defs priority(int v) {
        priority = v;
        return this;
    }

    public Defs waittime(int v) {
        waittime = v;
        return this;
    }

    public Defs respawn() {
        action = Action.RESPAWN;
        return this;
    }

    public Defs ipc(long key, long mtype) {
        contact = Contact.IPC;
        svrkey = key;
        svrmtype = mtype;
        return this;
    }

    public Defs signals(String norm, String force) {
        contact = Contact.SIGNAL;
        signorm = norm;
        sigforce = force;
        return this;
    }

    public Defs name(String v) {
        subsysname = v;
        return this;
    }

    public SubsystemDef build() {
        return new SubsystemDef(
                subsysname,
                synonym,
                cmdargs,
                path,
                uid,
                auditid,
                standin,
                standout,
                standerr,
                action,
                multi,
                contact,
                svrkey,
                svrmtype,
                priority,
                signorm,
                sigforce,
                display,
                waittime,
                grpname,
                extensions);
    }
}
