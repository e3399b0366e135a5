package org.assure.authority.internal.ta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.assure.authority.internal.ta.OwnerStateMachine.Request;
import org.assure.authority.internal.ta.OwnerStateMachine.Transition;
import org.junit.jupiter.api.Test;

class OwnerStateMachineTest {
    private static final Optional<String> NOBODY = Optional.empty();
    private static final Optional<String> A = Optional.of("a");

    @Test
    void claim_needs_the_case_string_and_a_free_or_own_device() {
        assertThat(OwnerStateMachine.decide(NOBODY, new Request.Claim("a", true))).contains(new Transition(A, true));
        assertThat(OwnerStateMachine.decide(NOBODY, new Request.Claim("a", false))).isEmpty();
        assertThat(OwnerStateMachine.decide(A, new Request.Claim("a", true))).contains(new Transition(A, false));
        assertThat(OwnerStateMachine.decide(A, new Request.Claim("b", true))).isEmpty();
    }

    @Test
    void transfer_and_release_need_the_owner() {
        assertThat(OwnerStateMachine.decide(A, new Request.Transfer("a", "b"))).contains(new Transition(Optional.of("b"), true));
        assertThat(OwnerStateMachine.decide(A, new Request.Transfer("a", "a"))).contains(new Transition(A, false));
        assertThat(OwnerStateMachine.decide(A, new Request.Transfer("b", "b"))).isEmpty();
        assertThat(OwnerStateMachine.decide(NOBODY, new Request.Transfer("a", "b"))).isEmpty();
        assertThat(OwnerStateMachine.decide(A, new Request.Release("a"))).contains(new Transition(NOBODY, true));
        assertThat(OwnerStateMachine.decide(A, new Request.Release("b"))).isEmpty();
        assertThat(OwnerStateMachine.decide(NOBODY, new Request.Release("a"))).isEmpty();
    }

    @Test
    void claim_and_assign_is_one_change_of_owner() {
        assertThat(OwnerStateMachine.decide(NOBODY, new Request.ClaimAndAssign("a", true, "b")))
                .contains(new Transition(Optional.of("b"), true));
        assertThat(OwnerStateMachine.decide(A, new Request.ClaimAndAssign("a", true, "b")))
                .contains(new Transition(Optional.of("b"), true));
        assertThat(OwnerStateMachine.decide(NOBODY, new Request.ClaimAndAssign("a", false, "b"))).isEmpty();
        assertThat(OwnerStateMachine.decide(Optional.of("c"), new Request.ClaimAndAssign("a", true, "b"))).isEmpty();
        assertThat(OwnerStateMachine.decide(Optional.of("b"), new Request.ClaimAndAssign("b", true, "b")))
                .contains(new Transition(Optional.of("b"), false));
    }
}
