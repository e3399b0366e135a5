package org.assure.bootstrap.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.assure.bootstrap.ManagementChannelClient;
import org.assure.bootstrap.ManagementChannelClient.Request;
import org.assure.channels.ChannelManager;
import org.assure.channels.GoodbyeHook;
import org.assure.channels.ManagedChannel;
import org.assure.core.cbor.GoodbyeReasonCodec;
import org.assure.core.model.GoodbyeReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Goodbye (draft §11.3.2): {@code PUT /v1/devices/<uuid>/goodbye} with the reason on every open management
 * channel, all at once, waiting at most the given timeout — the device is about to go offline either way.
 */
final class GoodbyeSender implements GoodbyeHook {
    private static final Logger LOG = LoggerFactory.getLogger(GoodbyeSender.class);

    private final Supplier<UUID> deviceId;
    private final ChannelManager channels;
    private final Supplier<Optional<ManagementChannelClient>> client;

    GoodbyeSender(Supplier<UUID> deviceId, ChannelManager channels, Supplier<Optional<ManagementChannelClient>> client) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void goodbye(GoodbyeReason reason, Duration timeout) {
        try {
            Optional<ManagementChannelClient> sender = client.get();
            List<ManagedChannel> open = ManagementChannels.open(channels);
            if (sender.isEmpty() || open.isEmpty()) {
                return;
            }
            Request request = Request.putCbor(GoodbyeReasonCodec.encode(reason), "v1", "devices",
                    deviceId.get().toString(), "goodbye");
            List<CompletableFuture<ManagementChannelClient.Response>> sent = new ArrayList<>();
            for (ManagedChannel channel : open) {
                sent.add(sender.get().send(channel.id(), request).toCompletableFuture());
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            LOG.info("Goodbye ({}) sent on {} management channel(s)", reason.label(), open.size());
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("Goodbye ({}) not acknowledged on every management channel", reason.label());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The hook must not throw: the reboot or bootstrap goes ahead regardless.
            LOG.warn("Goodbye ({}) failed", reason.label(), e);
        }
    }
}
