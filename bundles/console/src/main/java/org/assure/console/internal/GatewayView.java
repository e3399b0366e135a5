package org.assure.console.internal;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.assure.channels.ManagementContext;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.model.DeviceInfo;
import org.assure.bootstrap.BootstrapService;
import org.assure.channels.ChannelManager;
import org.assure.channels.DeviceManagement;
import org.assure.keystore.Keystore;

/**
 * The gateway services the plugin reads, each absent while its component is not active (the page then says so
 * instead of failing).
 *
 * @param keystore  the keystore, if active
 * @param channels  the channel manager, if active
 * @param bootstrap the bootstrap client, if active
 * @param management the Device Management API, if active (asked locally for {@code GET /v1/info})
 */
record GatewayView(Optional<Keystore> keystore, Optional<ChannelManager> channels,
        Optional<BootstrapService> bootstrap, Optional<DeviceManagement> management) {
    GatewayView {
        java.util.Objects.requireNonNull(management, "management");
        java.util.Objects.requireNonNull(keystore, "keystore");
        java.util.Objects.requireNonNull(channels, "channels");
        java.util.Objects.requireNonNull(bootstrap, "bootstrap");
    }

    /**
     * The device information the gateway serves at {@code GET /v1/info} (draft §10.1.17), asked locally as the
     * bootstrap client does: it reflects the channel manager's current configuration.
     */
    Optional<DeviceInfo> deviceInfo() {
        if (management.isEmpty()) {
            return Optional.empty();
        }
        try {
            ManagementResponse response = management.get().handle(ManagementRequest.of(ManagementMethod.GET, "v1",
                    "info"), new ManagementContext(Set.of(), OptionalLong.empty(), Optional.empty(), Optional.empty()));
            if (!response.status().isSuccess()) {
                return Optional.empty();
            }
            return Optional.of(DeviceInfoCodec.decode(response.payload().toByteArray()));
        } catch (CborDecodeException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
