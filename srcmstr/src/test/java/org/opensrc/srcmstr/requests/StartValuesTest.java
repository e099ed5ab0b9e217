package org.opensrc.srcmstr.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

class StartValuesTest {

    @Test
    void ordinaryArgumentsEnvironmentAndWaitPass() {
        assertEquals(
                Optional.empty(), SupervisionRequests.startValues(List.of("-d", "a:b"), List.of("A=1", "B="), 5000));
    }

    @Test
    void aLineBreakInAnArgumentIsRefusedWithoutShowingIt() {
        Optional<String> problem = SupervisionRequests.startValues(List.of("pass\nword"), List.of(), 0);
        assertEquals(Optional.of("-a: a word holds a control character"), problem);
    }

    @Test
    void anEnvironmentWordWithoutNameOrEqualsIsRefusedWithoutShowingIt() {
        for (String word : List.of("hunter2", "=s3cret", "A=x\u001b[2J")) {
            Optional<String> problem = SupervisionRequests.startValues(List.of(), List.of(word), 0);
            assertTrue(problem.isPresent(), word);
            assertFalse(problem.get().contains("hunter2") || problem.get().contains("s3cret"), problem.get());
        }
    }

    @Test
    void aWaitBeyondADayOrNegativeIsRefused() {
        assertTrue(
                SupervisionRequests.startValues(List.of(), List.of(), Long.MAX_VALUE)
                        .orElseThrow()
                        .startsWith("--wait"));
        assertTrue(SupervisionRequests.startValues(List.of(), List.of(), -1).isPresent());
    }
}
