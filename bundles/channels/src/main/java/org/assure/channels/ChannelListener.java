package org.assure.channels;

import java.util.Optional;
import org.assure.core.model.ChannelState;

/**
 * Channel events. Register as an OSGi service (whiteboard) or through {@link ChannelManager#addListener}. Called on
 * the manager's threads, never while it holds its lock; implementations must return quickly and not throw.
 */
public interface ChannelListener {
    /**
     * A channel changed state, was created ({@code previous} empty) or deleted ({@code channel.state()} is the
     * last state and {@code deleted} is true).
     */
    void channelChanged(ManagedChannel channel, Optional<ChannelState> previous, boolean deleted);
}
