package org.assure.bootstrap.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.assure.bootstrap.ManagementChannelClient;
import org.assure.bootstrap.ManagementChannelClient.Request;
import org.assure.bootstrap.PresenceResult;
import org.assure.channels.ChannelListener;
import org.assure.channels.ManagedChannel;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.cbor.TimestampCodec;
import org.assure.core.model.ChannelState;
import org.assure.core.model.DeviceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each time a management channel becomes open: presence {@code PUT /v1/devices/<uuid>/info} with the device
 * information (draft §11.3.1, PROFILE §8), then {@code GET /v1/timestamp} (draft §11.4.1) to set trusted time
 * from the management server, which the channel has authenticated.
 */
final class PresenceAgent implements ChannelListener {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceAgent.class);

    private final Supplier<DeviceInfo> deviceInfo;
    private final Supplier<Optional<ManagementChannelClient>> client;
    private final TrustedClock trustedClock;
    private final Clock clock;
    private final Listeners listeners;

    PresenceAgent(Supplier<DeviceInfo> deviceInfo, Supplier<Optional<ManagementChannelClient>> client,
            TrustedClock trustedClock, Clock clock, Listeners listeners) {
        this.deviceInfo = Objects.requireNonNull(deviceInfo, "deviceInfo");
        this.client = Objects.requireNonNull(client, "client");
        this.trustedClock = Objects.requireNonNull(trustedClock, "trustedClock");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    @Override
    public void channelChanged(ManagedChannel channel, Optional<ChannelState> previous, boolean deleted) {
        if (deleted || channel.state() != ChannelState.OPEN || previous.equals(Optional.of(ChannelState.OPEN))
                || !ManagementChannels.isManagement(channel)) {
            return;
        }
        Optional<ManagementChannelClient> current = client.get();
        if (current.isEmpty()) {
            LOG.debug("No management channel client: no presence on channel {}", channel.id());
            return;
        }
        sendPresence(current.get(), channel.id());
    }

    private void sendPresence(ManagementChannelClient sender, long channelId) {
        DeviceInfo info = deviceInfo.get();
        UUID device = info.deviceId();
        Request presence = Request.putCbor(DeviceInfoCodec.encode(info), "v1", "devices", device.toString(), "info");
        sender.send(channelId, presence).whenComplete((response, error) -> {
            PresenceResult result = error != null
                    ? new PresenceResult(channelId, clock.instant(), false, Optional.empty())
                    : new PresenceResult(channelId, clock.instant(), response.code() == 0x44,
                            Optional.of(response.codeText()));
            if (!result.acknowledged()) {
                LOG.warn("Presence on channel {} not acknowledged ({})", channelId,
                        result.responseCode().orElse("no answer"));
            }
            listeners.presenceSent(result);
            requestTime(sender, channelId);
        });
    }

    private void requestTime(ManagementChannelClient sender, long channelId) {
        Instant sentAt = clock.instant();
        sender.send(channelId, Request.get("v1", "timestamp")).whenComplete((response, error) -> {
            if (error != null || response.code() != 0x45) {
                LOG.debug("No timestamp on channel {}", channelId);
                return;
            }
            try {
                trustedClock.synchronise(TimestampCodec.decodePrecision(response.payload().toByteArray()), sentAt,
                        clock.instant());
                LOG.info("Trusted time set from the management server on channel {}", channelId);
            } catch (CborDecodeException | IllegalArgumentException e) {
                LOG.warn("Malformed timestamp on channel {}", channelId);
            }
        });
    }
}
