package org.assure.channels.internal.ip;

import java.net.UnknownHostException;

/** IP transports on loopback with ephemeral ports, for tests in other packages. */
public final class IpTransports {
    private IpTransports() {
    }

    public static IpTransportComponent loopback(String address) throws UnknownHostException {
        return new IpTransportComponent(IpTransportComponentTest.config(address, 0, 0));
    }
}
