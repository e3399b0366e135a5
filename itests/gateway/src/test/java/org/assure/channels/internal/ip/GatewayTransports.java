package org.assure.channels.internal.ip;

import java.net.UnknownHostException;
import java.util.Map;
import org.assure.itests.gateway.Annotations;

/** The IP transport as its DS component runs, from a configuration (package-private type, hence this package). */
public final class GatewayTransports {
    private GatewayTransports() {
    }

    /** Bound to {@code address}: management channels on {@code managementPort}, data channels on {@code dataPort}. */
    public static IpTransportComponent ip(String address, int managementPort, int dataPort)
            throws UnknownHostException {
        return new IpTransportComponent(Annotations.of(IpTransportConfig.class, Map.of("bind_address", address,
                "management_port", managementPort, "data_port", dataPort)));
    }
}
