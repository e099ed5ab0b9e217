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

    /** {@code chssys -a}: the same definition with other arguments. */
    private static SubsystemDef withArgs(SubsystemDef d, String cmdargs) {
        return new SubsystemDef(
                d.subsysname(),
                d.synonym(),
                cmdargs,
                d.path(),
                d.uid(),
                d.auditid(),
                d.standin(),
                d.standout(),
                d.standerr(),
                d.action(),
                d.multi(),
                d.contact(),
                d.svrkey(),
                d.svrmtype(),
                d.priority(),
                d.signorm(),
                d.sigforce(),
                d.display(),
                d.waittime(),
                d.grpname(),
                d.extensions());
    }

    private static List<String> lines(List<InstanceView> views) {
        return views.stream()
                .map(
                        v ->
                                v.name()
                                        + " "
                                        + v.group()
                                        + " "
                                        + (v.pid().isPresent() ? v.pid().getAsLong() : "-")
                                        + " "
                                        + v.status())
                .toList();
    }

    @Test
    void aDefinitionChangedWhileItRunsShowsTheRunningInstanceThenTheNewDefinitionInoperative() {
        h.start(a, 100);
        List<SubsystemDef> changed = List.of(withArgs(a, "-x"), b);
        assertEquals(
                List.of("a tcpip 100 ACTIVE", "a tcpip - INOPERATIVE", "b tcpip - INOPERATIVE"),
                lines(StatusListing.of(h.state, changed, StatusListing.Visibility.ALL)));
    }

    @Test
    void afterAGroupChangeTheRunningLineKeepsTheOldGroupAndTheNewDefinitionHasTheNewOne() {
        h.start(a, 100);
        List<SubsystemDef> changed = List.of(Defs.of("a").group("mail").def());
        assertEquals(
                List.of("a tcpip 100 ACTIVE", "a mail - INOPERATIVE"),
                lines(StatusListing.of(h.state, changed, StatusListing.Visibility.ALL)));
    }

    @Test
    void aRenameShowsTheOldNameRunningAndTheNewNameInoperative() {
        h.start(a, 100);
        assertEquals(
                List.of("a tcpip 100 ACTIVE", "z tcpip - INOPERATIVE"),
                lines(StatusListing.of(h.state, List.of(Defs.of("z").def()), StatusListing.Visibility.ALL)));
    }

    @Test
    void anInstanceStartedWithTheNewDefinitionStandsForIt() {
        SubsystemDef before = Defs.of("srctest").multiple().def();
        SubsystemDef after = withArgs(before, "-x");
        h.start(before, 10);
        h.start(after, 11);
        assertEquals(
                List.of("srctest tcpip 10 ACTIVE", "srctest tcpip 11 ACTIVE"),
                lines(StatusListing.of(h.state, List.of(after), StatusListing.Visibility.ALL)));
    }

    @Test
    void aNewDefinitionWithDisplayOffIsLeftOutOfTheFullListingButTheRunningInstanceIsNot() {
        h.start(a, 100);
        List<SubsystemDef> changed = List.of(Defs.of("a").hidden().def());
        assertEquals(
                List.of("a tcpip 100 ACTIVE"),
                lines(StatusListing.of(h.state, changed, StatusListing.Visibility.DISPLAYED_ONLY)));
        assertEquals(
                List.of("a tcpip 100 ACTIVE", "a tcpip - INOPERATIVE"),
                lines(StatusListing.of(h.state, changed, StatusListing.Visibility.ALL)));
    }

    @Test
    void startingTheNewDefinitionWhileTheOldInstanceRunsIsRefused029AndStoppingEndsTheOldOne() {
        h.start(a, 100);
        SubsystemDef changed = withArgs(a, "-x");
        assertEquals(List.of(org.opensrc.proto.v1.SrcCode.SRC_CODE_MULT), h.start(changed, 101));
        h.stop("a", StopType.NORMAL);
        h.apply(new Event.Exited(100, "exit 0", List.of()));
        assertEquals(
                List.of("a tcpip - INOPERATIVE"),
                lines(StatusListing.of(h.state, List.of(changed), StatusListing.Visibility.ALL)));
    }
}
