package org.opensrc.libsrc.subsystem;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Map;

class SrcSubsystemTest {

    @Test
    void withoutTheSrcVariablesTheDaemonRunsStandalone() {
        SrcHandler handler = new SrcHandler() {};
        assertTrue(SrcSubsystem.attachFromEnvironment(Map.of(), handler).isEmpty());
        assertTrue(SrcSubsystem.attachFromEnvironment(Map.of("SRC_SOCKET", "/tmp/x.sock"), handler).isEmpty());
        assertTrue(SrcSubsystem.attachFromEnvironment(Map.of("SRC_SOCKET", "", "SRC_TOKEN", "t"), handler).isEmpty());
    }
}
