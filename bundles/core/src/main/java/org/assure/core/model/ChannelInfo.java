package org.assure.core.model;

import java.util.Objects;

/** Configuration and status of a channel, draft §10.1.11: {@code [configuration, status]}. */
public record ChannelInfo(ChannelConfiguration configuration, ChannelStatus status) {
    public ChannelInfo {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(status, "status");
    }
}
