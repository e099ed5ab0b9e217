package org.opensrc.libsrc.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

class UsersTest {

    @Test
    void looksUpRootByNameAndByNumber() {
        User root = Users.lookup("root").orElseThrow();
        assertEquals(0, root.uid());
        assertEquals(0, root.gid());
        assertEquals("/root", root.home());
        assertEquals(Optional.of(root), Users.lookup("0"));
        assertEquals(Optional.of(root), Users.byUid(0));
    }

    @Test
    void looksUpNobody() {
        User nobody = Users.lookup("nobody").orElseThrow();
        assertEquals(65534, nobody.uid());
        assertEquals("nobody", nobody.name());
        assertEquals(Optional.of(nobody), Users.lookup("65534"));
    }

    @Test
    void unknownUsersAreEmpty() {
        assertEquals(Optional.empty(), Users.lookup("no-such-user-here"));
        assertEquals(Optional.empty(), Users.lookup("4000000"));
        assertEquals(Optional.empty(), Users.lookup(""));
        assertEquals(Optional.empty(), Users.lookup("99999999999"));
    }

    @Test
    void groupListHoldsTheGivenGroupAndTheUsersOtherGroups() {
        assertEquals(List.of(65534), Users.groupList("nobody", 65534));
        assertTrue(Users.groupList("no-such-user-here", 4242).contains(4242));
    }

    @Test
    void looksUpGroupIds() {
        assertEquals(Optional.of(0), Users.groupId("root"));
        assertEquals(Optional.of(65534), Users.groupId("nogroup"));
        assertEquals(Optional.of(4242), Users.groupId("4242"));
        assertEquals(Optional.empty(), Users.groupId("no-such-group-here"));
    }
}
