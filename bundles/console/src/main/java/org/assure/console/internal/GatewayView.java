package org.assure.console.internal;

import java.util.Optional;
import org.assure.bootstrap.BootstrapService;
import org.assure.channels.ChannelManager;
import org.assure.keystore.Keystore;

/**
 * The gateway services the plugin reads, each absent while its component is not active (the page then says so
 * instead of failing).
 *
 * @param keystore  the keystore, if active
 * @param channels  the channel manager, if active
 * @param bootstrap the bootstrap client, if active
 */
record GatewayView(Optional<Keystore> keystore, Optional<ChannelManager> channels,
        Optional<BootstrapService> bootstrap) {
    GatewayView {
        java.util.Objects.requireNonNull(keystore, "keystore");
        java.util.Objects.requireNonNull(channels, "channels");
        java.util.Objects.requireNonNull(bootstrap, "bootstrap");
    }
}
