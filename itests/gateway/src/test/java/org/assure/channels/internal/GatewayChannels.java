package org.assure.channels.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.assure.channels.BootstrapTrigger;
import org.assure.channels.ChannelListener;
import org.assure.channels.GoodbyeHook;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.itests.gateway.Annotations;
import org.assure.keystore.Keystore;

/**
 * The channel component as DS wires it: activated with its configuration and the keystore, then given what its
 * dynamic references bind (transports, channel listeners, goodbye hooks, the bootstrap trigger). Reboot and stop
 * of the bundles are recorded instead of refreshing a framework (there is none here).
 */
public final class GatewayChannels {
    private GatewayChannels() {
    }

    /** Fast handshakes and retries for loopback. */
    public static ChannelServiceComponent start(Keystore keystore, Runnable restart, Runnable stop)
            throws IOException {
        Map<String, Object> config = new HashMap<>(Map.of("handshake_timeout_seconds", 10,
                "retransmission_initial_ms", 300, "retry_initial_seconds", 1, "retry_max_seconds", 2));
        return new ChannelServiceComponent(Annotations.of(ChannelServiceConfig.class, config), keystore, restart, stop);
    }

    public static void bind(ChannelServiceComponent channels, ChannelTransport transport) {
        channels.addTransport(transport);
    }

    /** What SCR binds once the bootstrap component is up (it provides all three services). */
    public static <T extends ChannelListener & GoodbyeHook & BootstrapTrigger> void bindBootstrap(
            ChannelServiceComponent channels, T bootstrap) {
        channels.addChannelListener(bootstrap);
        channels.addGoodbyeHook(bootstrap);
        channels.setBootstrapTrigger(bootstrap);
    }

    public static void addListener(ChannelServiceComponent channels, ChannelListener listener) {
        channels.addChannelListener(listener);
    }

    public static int localPort(ChannelServiceComponent channels, ChannelKind kind) {
        return channels.dtls().bindings().get(0).localPort(kind);
    }

    public static void stop(ChannelServiceComponent channels) {
        channels.deactivate();
    }
}
