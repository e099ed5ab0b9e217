package org.opensrc.srcmstr.supervise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.util.List;

class StatusListingTest {

    private final Harness h = new Harness();
    private final SubsystemDef a = Defs.of("a").def();
    private final SubsystemDef b = Defs.of("b").def();
    private final SubsystemDef c = Defs.of("c").def();
    private final SubsystemDef hiddenIdle = Defs.of("d").hidden().def();
    private final SubsystemDef hiddenRunning = Defs.of("e").hidden().def();
    private final List<SubsystemDef> registry = List.of(a, b, c, hiddenIdle, hiddenRunning);

    private static List<String> names(List<InstanceView> lines) {
        return lines.stream().map(InstanceView::name).toList();
    }

    @Test
    void activeInstancesComeFirstInStartOrderThenInactiveInRegistryOrder() {
        h.start(c, 300);
        h.start(hiddenRunning, 500);
        h.start(a, 100);
        assertEquals(
                List.of("c", "e", "a", "b", "d"),
                names(StatusListing.of(h.state, registry, StatusListing.Visibility.ALL)));
    }

    @Test
    void displayFalseHidesOnlyInactiveSubsystemsAndOnlyWhenAsked() {
        h.start(hiddenRunning, 500);
        assertEquals(
                List.of("e", "a", "b", "c"),
                names(StatusListing.of(h.state, registry, StatusListing.Visibility.DISPLAYED_ONLY)));
        assertEquals(
                List.of("e", "a", "b", "c", "d"),
                names(StatusListing.of(h.state, registry, StatusListing.Visibility.ALL)));
    }

    @Test
    void lineCarriesGroupPidStatusAndSince() {
        h.start(a, 100);
        InstanceView line = h.lssrc(registry).getFirst();
        assertEquals("tcpip", line.group());
        assertEquals(100, line.pid().orElseThrow());
        assertEquals(StatusWord.ACTIVE, line.status());
        assertEquals(h.now, line.since().orElseThrow());
        InstanceView idle = h.lssrc(registry).get(1);
        assertEquals(StatusWord.INOPERATIVE, idle.status());
        assertEquals(true, idle.pid().isEmpty());
    }

    @Test
    void severalInstancesOfAMultiSubsystemAreListedEach() {
        SubsystemDef multi = Defs.of("srctest").multiple().def();
        h.start(multi, 10);
        h.start(multi, 11);
        assertEquals(List.of(10L, 11L), h.lssrc(List.of(multi)).stream().map(v -> v.pid().orElseThrow()).toList());
    }

    @Test
    void removingADefinitionDoesNotDropItsRunningInstance() {
        h.start(a, 100);
        List<InstanceView> lines = StatusListing.of(h.state, List.of(b), StatusListing.Visibility.ALL);
        assertEquals(List.of("a", "b"), names(lines));
        assertEquals(StatusWord.ACTIVE, lines.getFirst().status());
    }
}
