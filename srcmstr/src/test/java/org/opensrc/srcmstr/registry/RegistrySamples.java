package org.opensrc.srcmstr.registry;

import java.util.List;

/**
 * The registry of the sample files {@code registry/SRCsubsys.json}, {@code SRCsubsvr.json} and {@code SRCnotify.json}
 * (test resources), which were written by the ObjectMapper codec before the streaming one: every kind of value, and
 * strings that need escaping.
 */
public final class RegistrySamples {

    private RegistrySamples() {}

    public static Registry registry() {
        SubsystemDef sshd =
                Defs.subsystem("sshd").cmdargs("-D").signals("SIGTERM", "SIGKILL").respawn().group("tcpip").build();
        SubsystemDef odd =
                new SubsystemDef(
                        "odd",
                        "ödd",
                        "-c \"quoted\" back\\slash tab\there\nnewline \u0001 \u2603 \uD83D\uDE00 </script>",
                        "/opt/odd dir/bin/odd",
                        4_294_967_294L,
                        -1,
                        "/dev/null",
                        "/var/log/odd.out",
                        "/dev/console",
                        SubsystemDef.Action.ONCE,
                        true,
                        SubsystemDef.Contact.SIGNAL,
                        Long.MAX_VALUE,
                        Long.MIN_VALUE,
                        -20,
                        "SIGUSR1",
                        "SIGRTMIN+3",
                        false,
                        Integer.MAX_VALUE,
                        "",
                        new SubsystemDef.Extensions(true, 100, 9_000_000_000L, true, true));
        return new Registry(
                List.of(sshd, odd),
                List.of(new SubserverDef("ftp", "inetd", 21), new SubserverDef("t\"ftp", "inetd", -1)),
                List.of(new NotifyDef("tcpip", "/usr/bin/page-oncall"), new NotifyDef("odd", "")));
    }
}
