package org.assure.itests.gateway;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Free UDP ports for the servers and gateways the end-to-end tests start on loopback addresses. */
public final class Ports {
    private Ports() {
    }

    /** A UDP port free on the loopback address now (another process may still take it before it is bound). */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A UDP port free on every one of {@code addresses} (each gateway has its own loopback address). */
    public static int commonFreePort(String... addresses) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freeUdpPort();
            boolean free = true;
            for (String address : addresses) {
                try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, port))) {
                    // bound: free here
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return port;
            }
        }
        throw new IllegalStateException("no UDP port free on every loopback address");
    }
}
