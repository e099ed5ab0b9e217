package org.opensrc.srcmstr.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

class JournalStreamTest {

    @Test
    void aDescriptorIsTheJournalOnlyWhenItsDeviceAndInodeAreJournalStreams() {
        Map<String, String> systemd = Map.of("JOURNAL_STREAM", "8:40391", "INVOCATION_ID", "0f5c");
        assertTrue(JournalStream.is(systemd, Optional.of("8:40391")));
        assertFalse(JournalStream.is(systemd, Optional.of("8:40392")), "redirected elsewhere by the service");
        assertFalse(JournalStream.is(systemd, Optional.empty()), "closed");
        assertFalse(JournalStream.is(Map.of(), Optional.of("8:40391")), "not run by systemd");
    }

    @Test
    void theIdentityOfAnOpenDescriptorIsDeviceColonInode() {
        assertTrue(JournalStream.identity(1).orElseThrow().matches("\\d+:\\d+"));
        assertEquals(Optional.empty(), JournalStream.identity(999_999));
    }

    @Test
    void eachLevelKeepsItsSyslogPriorityOnTheJournal() {
        assertEquals(3, JournalLayout.priority(Level.ERROR));
        assertEquals(4, JournalLayout.priority(Level.WARN));
        assertEquals(6, JournalLayout.priority(Level.INFO));
        assertEquals(7, JournalLayout.priority(Level.DEBUG));
        assertEquals(7, JournalLayout.priority(Level.TRACE));
    }
}
