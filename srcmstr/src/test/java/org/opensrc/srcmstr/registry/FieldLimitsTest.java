package org.opensrc.srcmstr.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

class FieldLimitsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a/b",
                "..",
                "../../../x",
                "a:b",
                "a\nb",
                "\u001b[31mred",
                "-x",
                ".hidden",
                "a b",
                "abcdefghijklmnopqrstuvwxyz0123",
                "é"
            })
    void namesThatCouldBecomePathsRowsOrEscapesAreRefused(String name) {
        Optional<FieldLimits.Violation> v = FieldLimits.check(Defs.subsystem(name).path("/bin/true").build());
        assertTrue(v.isPresent(), name);
        assertEquals("subsysname", v.get().field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sshd", "IBM.ServiceRM", "rsct_rm", "a-b+c@d", "x2", "abcdefghijklmnopqrstuvwxyz012"})
    void aixStyleNamesPass(String name) {
        assertEquals(Optional.empty(), FieldLimits.check(Defs.subsystem(name).group("tcpip").build()));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 2147483648L, 4294967295L, Long.MAX_VALUE})
    void uidsOutsideTheKernelRangeAreRefused(long uid) {
        Defs d = Defs.subsystem("x");
        d.uid = uid;
        assertEquals("uid", FieldLimits.check(d.build()).orElseThrow().field());
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 86_400_001L, Long.MAX_VALUE})
    void backoffDelaysAboveADayAreRefused(long ms) {
        Defs d = Defs.subsystem("x");
        d.extensions = new SubsystemDef.Extensions(true, ms, 1000, false, false);
        assertEquals("extensions.backoff_initial_ms", FieldLimits.check(d.build()).orElseThrow().field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b\nsleeper::evil:/bin/sh:0", "x\u001b]0;owned\u0007", "a\rb"})
    void argumentsWithALineBreakOrEscapeAreRefused(String args) {
        Optional<FieldLimits.Violation> v = FieldLimits.check(Defs.subsystem("x").cmdargs(args).build());
        assertEquals("cmdargs", v.orElseThrow().field());
        assertTrue(v.get().problem().contains("control character"), v.get().problem());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 32768})
    void waittimeIsAnAixShort(int seconds) {
        assertEquals(
                "waittime", FieldLimits.check(Defs.subsystem("x").waittime(seconds).build()).orElseThrow().field());
    }

    @org.junit.jupiter.api.Test
    void subserverAndNotifyNamesFollowTheSameRule() {
        assertEquals("sub_type", FieldLimits.check(new SubserverDef("ft/p", "inetd", 21)).orElseThrow().field());
        assertEquals("notifyname", FieldLimits.check(new NotifyDef("../x", "/bin/true")).orElseThrow().field());
        assertEquals("notifymethod", FieldLimits.check(new NotifyDef("x", "/bin/true\nrm")).orElseThrow().field());
    }
}
