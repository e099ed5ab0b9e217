package org.opensrc.srcmstr.supervise;

import org.opensrc.srcmstr.registry.SubsystemDef;
import org.opensrc.srcmstr.registry.SubsystemDef.Action;
import org.opensrc.srcmstr.registry.SubsystemDef.Contact;
import org.opensrc.srcmstr.registry.SubsystemDef.Extensions;

/** Definitions for tests: AIX defaults (respawn, signal contact, waittime 20) unless changed. */
record Defs(
        String name,
        Action action,
        boolean multi,
        Contact contact,
        boolean display,
        int waittime,
        String group,
        Extensions extensions) {

    static Defs of(String name) {
        return new Defs(name, Action.RESPAWN, false, Contact.SIGNAL, true, 20, "tcpip", Extensions.NONE);
    }

    Defs once() {
        return new Defs(name, Action.ONCE, multi, contact, display, waittime, group, extensions);
    }

    Defs multiple() {
        return new Defs(name, action, true, contact, display, waittime, group, extensions);
    }

    Defs contact(Contact c) {
        return new Defs(name, action, multi, c, display, waittime, group, extensions);
    }

    Defs group(String g) {
        return new Defs(name, action, multi, contact, display, waittime, g, extensions);
    }

    Defs hidden() {
        return new Defs(name, action, multi, contact, false, waittime, group, extensions);
    }

    Defs waittime(int seconds) {
        return new Defs(name, action, multi, contact, display, seconds, group, extensions);
    }

    Defs backoff(long initialMs, long maxMs) {
        return new Defs(
                name,
                action,
                multi,
                contact,
                display,
                waittime,
                group,
                new Extensions(true, initialMs, maxMs, extensions.killEscalation(), extensions.readiness()));
    }

    Defs killEscalation() {
        return new Defs(
                name,
                action,
                multi,
                contact,
                display,
                waittime,
                group,
                new Extensions(
                        extensions.backoff(),
                        extensions.backoffInitialMs(),
                        extensions.backoffMaxMs(),
                        true,
                        extensions.readiness()));
    }

    Defs readiness() {
        return new Defs(
                name,
                action,
                multi,
                contact,
                display,
                waittime,
                group,
                new Extensions(
                        extensions.backoff(),
                        extensions.backoffInitialMs(),
                        extensions.backoffMaxMs(),
                        extensions.killEscalation(),
                        true));
    }

    SubsystemDef def() {
        return new SubsystemDef(
                name,
                "",
                "-d",
                "/usr/sbin/" + name,
                0,
                0,
                "/dev/null",
                "/dev/null",
                "/dev/null",
                action,
                multi,
                contact,
                0,
                0,
                20,
                "SIGUSR1",
                "SIGUSR2",
                display,
                waittime,
                group,
                extensions);
    }
}
