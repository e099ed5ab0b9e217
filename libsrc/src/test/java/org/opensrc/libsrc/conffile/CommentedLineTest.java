package org.opensrc.libsrc.conffile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.Optional;

class CommentedLineTest {

    @Test
    void commentingOutPutsAPlainHashBeforeTheLineAndKeepsEveryByte() {
        assertEquals(
                "#ftp\tstream\ttcp6\tnowait\troot\t/usr/sbin/ftpd\tftpd",
                CommentedLine.commentOut("ftp\tstream\ttcp6\tnowait\troot\t/usr/sbin/ftpd\tftpd"));
        assertEquals(
                "#  start /usr/sbin/sshd \"$src_running\"",
                CommentedLine.commentOut("  start /usr/sbin/sshd \"$src_running\""));
    }

    @Test
    void theBodyOfAPlainHashOrADebianOffLineIsTheTextAfterTheMarker() {
        assertEquals(Optional.of("ftp stream tcp"), CommentedLine.body("#ftp stream tcp"));
        assertEquals(Optional.of("ftp stream tcp"), CommentedLine.body("  # ftp stream tcp"));
        assertEquals(Optional.of("telnet stream tcp"), CommentedLine.body("#<off># telnet stream tcp"));
        assertEquals(Optional.of("# IBM comment"), CommentedLine.body("## IBM comment"));
        assertEquals(Optional.empty(), CommentedLine.body("ftp stream tcp"));
        assertEquals(Optional.empty(), CommentedLine.body(""));
    }

    @Test
    void bodyStartPointsAfterTheMarkerAndItsBlanks() {
        assertEquals(1, CommentedLine.bodyStart("#ftp"));
        assertEquals(10, CommentedLine.bodyStart(" #<off># \tftp"));
        assertEquals(-1, CommentedLine.bodyStart("ftp # not a comment line"));
    }

    @Test
    void uncommentingUndoesCommentingOut() {
        String line = "echo stream tcp nowait root internal";
        assertEquals(line, CommentedLine.uncomment(CommentedLine.commentOut(line)));
        assertTrue(CommentedLine.isCommented(CommentedLine.commentOut(line)));
        assertFalse(CommentedLine.isCommented(line));
        assertThrows(IllegalArgumentException.class, () -> CommentedLine.uncomment(line));
    }
}
