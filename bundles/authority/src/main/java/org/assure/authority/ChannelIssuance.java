package org.assure.authority;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What issuing channels did: each planned channel with the devices' answers, and per device what went wrong
 * (e.g. {@code no presence yet}, a failed DTLS handshake, a refused request). When a device cannot be planned
 * for (not ours, no presence yet), nothing is pushed to any device and {@link #channels()} is empty.
 */
public record ChannelIssuance(List<IssuedChannel> channels, Map<UUID, String> deviceErrors) {
    public ChannelIssuance {
        channels = List.copyOf(channels);
        Objects.requireNonNull(deviceErrors, "deviceErrors");
        deviceErrors = Map.copyOf(deviceErrors);
    }

    /** Whether every channel was pushed and accepted by both ends. */
    public boolean complete() {
        return deviceErrors.isEmpty() && channels.stream().allMatch(IssuedChannel::succeeded);
    }
}
