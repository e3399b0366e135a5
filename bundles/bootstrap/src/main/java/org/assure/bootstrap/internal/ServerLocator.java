package org.assure.bootstrap.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Where the bootstrap server is: resolved at each attempt, so DNS changes apply. */
@FunctionalInterface
interface ServerLocator {
    InetSocketAddress locate() throws UnknownHostException;

    /**
     * The configured host, or else the FQDN of PROFILE §7: the decimal bootstrap server id, a dot, the suffix.
     */
    static ServerLocator of(String configuredHost, int port, long bootstrapServerId, String suffix) {
        String host = configuredHost.isEmpty() ? Long.toUnsignedString(bootstrapServerId) + "." + suffix
                : configuredHost;
        return () -> new InetSocketAddress(InetAddress.getByName(host), port);
    }
}
