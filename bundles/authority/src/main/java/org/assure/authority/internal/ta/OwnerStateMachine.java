package org.assure.authority.internal.ta;

import java.util.Objects;
import java.util.Optional;

/**
 * The device ownership state machine of draft §14.4 (a figure missing from the text we have; reconstructed from
 * §9.3.2–§9.3.5 in PROFILE-ADDITIONS): a device is unowned or owned by one management system. Claiming needs the
 * case string; transferring and releasing need to be the owner. Every change of owner — claim, transfer, release,
 * and claim-and-assign (one change) — increments the owner sequence; a request that leaves the owner as it is
 * changes nothing. Pure logic: no storage, no crypto.
 */
public final class OwnerStateMachine {
    /** A request on the Owner API, by the authenticated management system {@code requester}. */
    public sealed interface Request {
        String requester();

        /** §9.3.2: take ownership with the case string. */
        record Claim(String requester, boolean caseMatches) implements Request {
        }

        /** §9.3.3: give the device to {@code target}. */
        record Transfer(String requester, String target) implements Request {
        }

        /** §9.3.4: take ownership with the case string and give it to {@code target} at once. */
        record ClaimAndAssign(String requester, boolean caseMatches, String target) implements Request {
        }

        /** §9.3.5: release ownership. */
        record Release(String requester) implements Request {
        }
    }

    /** The outcome of an allowed request: the new owner and whether it differs from the old one. */
    public record Transition(Optional<String> newOwner, boolean changed) {
        public Transition {
            Objects.requireNonNull(newOwner, "newOwner");
        }
    }

    private OwnerStateMachine() {
    }

    /**
     * @return the transition, or empty if the request is refused (the draft's 403: wrong case string, or the
     *         device belongs to another management system)
     */
    public static Optional<Transition> decide(Optional<String> owner, Request request) {
        String me = request.requester();
        boolean mine = owner.isPresent() && owner.get().equals(me);
        if (request instanceof Request.Claim claim) {
            if (!claim.caseMatches() || (owner.isPresent() && !mine)) {
                return Optional.empty();
            }
            return Optional.of(new Transition(Optional.of(me), !mine));
        }
        if (request instanceof Request.Transfer transfer) {
            if (!mine) {
                return Optional.empty();
            }
            return Optional.of(new Transition(Optional.of(transfer.target()), !transfer.target().equals(me)));
        }
        if (request instanceof Request.ClaimAndAssign assign) {
            if (!assign.caseMatches() || (owner.isPresent() && !mine)) {
                return Optional.empty();
            }
            return Optional.of(new Transition(Optional.of(assign.target()),
                    !owner.equals(Optional.of(assign.target()))));
        }
        if (!mine) {
            return Optional.empty();
        }
        return Optional.of(new Transition(Optional.empty(), true));
    }
}
