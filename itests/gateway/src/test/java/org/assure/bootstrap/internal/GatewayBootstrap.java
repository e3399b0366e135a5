package org.assure.bootstrap.internal;

import java.util.HashMap;
import java.util.Map;
import org.assure.channels.ChannelManager;
import org.assure.channels.DeviceManagement;
import org.assure.itests.gateway.Annotations;
import org.assure.keystore.Keystore;

/** The bootstrap client's DS component, activated from a configuration naming the bootstrap server directly. */
public final class GatewayBootstrap {
    private GatewayBootstrap() {
    }

    /**
     * Starts it; it bootstraps at once when the device has no management channel (first start).
     *
     * @param serverHost the bootstrap server's address (instead of the FQDN the server id would give)
     */
    public static BootstrapComponent start(Keystore keystore, ChannelManager channels, DeviceManagement management,
            String serverHost, int serverPort) {
        Map<String, Object> config = new HashMap<>(Map.of("server_host", serverHost, "server_port", serverPort,
                "request_timeout_seconds", 20, "handshake_timeout_seconds", 15, "retry_initial_seconds", 1,
                "retry_max_seconds", 3, "goodbye_timeout_seconds", 2));
        return new BootstrapComponent(Annotations.of(BootstrapConfig.class, config), keystore, channels, management);
    }

    public static void stop(BootstrapComponent component) {
        component.deactivate();
    }
}
