package org.opensrc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;

import org.junit.jupiter.api.Test;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.proto.v1.SubsystemDef;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** srcmstr as a process: one per root, clean SIGTERM, and no acknowledged change lost to kill -9. */
class SrcmstrIT {

    @Test
    void commandsSay0513001WhenSrcmstrIsNotRunning() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            var r = src.run("lssrc", "-a");
            assertEquals(1, r.status(), r.toString());
            assertEquals("0513-001 The System Resource Controller daemon is not active.\n", r.out());
            assertEquals("", r.err());
        }
    }

    @Test
    void aSecondSrcmstrInTheSameRootIsRefusedWith0513037() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            var second = src.run("srcmstr");
            assertEquals(1, second.status(), second.toString());
            assertEquals("0513-037 The System Resource Controller is already active.\n", second.err());
            assertTrue(src.srcmstr().isAlive());
        }
    }

    @Test
    void sigtermEndsSrcmstrCleanly() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            assertEquals(0, src.stopSrcmstr());
            assertTrue(!Files.exists(src.socket()));
        }
    }

    @Test
    void aBrokenRegistryFileStopsSrcmstrNamingTheFileAndField() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            assertEquals(0, src.run("mkssys", "-s", "good", "-p", "/bin/true", "-u", "0").status());
            src.stopSrcmstr();
            var file = src.root.resolve("etc/src/SRCsubsys.json");
            String before = Files.readString(file).replace("\"subsysname\"", "\"colour\" : \"red\", \"subsysname\"");
            Files.writeString(file, before);
            var r = src.run("srcmstr");
            assertEquals(1, r.status(), r.toString());
            assertTrue(r.err().contains("SRCsubsys.json"), r.toString());
            assertTrue(r.err().contains("colour"), r.toString());
            assertEquals(before, Files.readString(file), "the broken file must be left as it is");
        }
    }

    @Test
    void everyAcknowledgedChangeSurvivesKill9InTheMiddleOfABurst() throws Exception {
        try (SrcRoot src = SrcRoot.start()) {
            List<String> acknowledged = new ArrayList<>();
            try (SrcClient warm = SrcClient.local(src.socket())) {
                // the first call of a fresh JVM is slow: make it before the clock starts
                warm.definitions().listSubservers(org.opensrc.proto.v1.ListSubserversRequest.getDefaultInstance());
            } catch (StatusRuntimeException e) {
                // 0513-084 (no subservers) is the expected answer
            }
            // the kill lands in the middle of the burst: after some changes are acknowledged, whatever the load
            CountDownLatch underway = new CountDownLatch(20);
            Thread killer =
                    Thread.ofPlatform()
                            .start(
                                    () -> {
                                        try {
                                            underway.await(120, TimeUnit.SECONDS);
                                        } catch (InterruptedException e) {
                                            return;
                                        }
                                        src.srcmstr().destroyForcibly();
                                    });
            try (SrcClient client = SrcClient.local(src.socket())) {
                for (int i = 0; i < 100_000 && src.srcmstr().isAlive(); i++) {
                    String name = "burst" + i;
                    try {
                        client.definitions()
                                .addSubsystem(
                                        SubsystemDef.newBuilder()
                                                .setSubsysname(name)
                                                .setPath("/bin/true")
                                                .setUser("0")
                                                .setPriority(20)
                                                .setWaittime(20)
                                                .setDisplay(true)
                                                .build());
                        acknowledged.add(name);
                        underway.countDown();
                    } catch (StatusRuntimeException e) {
                        break; // srcmstr died: this change was not acknowledged
                    }
                }
            }
            killer.join();
            src.srcmstr().waitFor(10, TimeUnit.SECONDS);
            assertTrue(acknowledged.size() > 0, "no change was acknowledged before the kill");
            src.startSrcmstr();
            var listed = src.run("lssrc", "-S");
            assertEquals(0, listed.status(), listed.toString());
            for (String name : acknowledged) {
                assertTrue(listed.out().contains("\n" + name + ":"), name + " lost:\n" + listed.out());
            }
        }
    }

    @Test
    void aJavaFlightRecordingOfSrcmstrDoesNotMakeItExitAsOnSigusr2() throws Exception {
        try (SrcRoot src = SrcRoot.empty()) {
            // JFR's sampler suspends the threads it samples with the JVM's suspend signal, SIGUSR2 unless the
            // launcher moves it; srcmstr's SIGUSR2 means "exit, leave every subsystem running"
            String recording =
                    "-XX:StartFlightRecording=filename=" + src.root.resolve("srcmstr.jfr") + ",settings=profile";
            src.startSrcmstr(Map.of("OPENSRC_DAEMON_JAVA_OPTS", recording));
            src.startRespawningSleeper("napper", "naps");
            for (int i = 0; i < 5; i++) {
                assertEquals(0, src.run("lssrc", "-a").status());
            }
            assertTrue(src.srcmstr().isAlive(), src.log());
            assertFalse(src.log().contains("SIGUSR2"), src.log());
            assertEquals(0, src.stopSrcmstr(), src.log());
        }
    }
}
