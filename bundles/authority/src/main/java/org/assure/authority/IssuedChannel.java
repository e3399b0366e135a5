package org.assure.authority;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The data channel between devices {@code a} and {@code b}: its §13 case and every request pushed for it, in order. */
public record IssuedChannel(UUID a, UUID b, ChannelCase kind, List<PushedRequest> requests) {
    public IssuedChannel {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(kind, "kind");
        requests = List.copyOf(requests);
    }

    /** Whether both ends accepted every request. */
    public boolean succeeded() {
        return requests.stream().allMatch(PushedRequest::succeeded);
    }
}
