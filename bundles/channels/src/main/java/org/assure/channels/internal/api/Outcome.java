package org.assure.channels.internal.api;

import java.util.Objects;
import java.util.Optional;
import org.assure.channels.ManagementResponse;

/**
 * What an endpoint produced: the response and, for reboot, shutdown and bootstrap, the action to take once the
 * response is on its way (draft §10.1.13–10.1.15: "after returning the response").
 */
public record Outcome(ManagementResponse response, Optional<Runnable> afterResponse) {
    public Outcome {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(afterResponse, "afterResponse");
    }

    public static Outcome of(ManagementResponse response) {
        return new Outcome(response, Optional.empty());
    }
}
