package org.assure.core.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IP address, draft §12.2: {@code [1, remote_addr, local_port, remote_port]}; the address is 4 (IPv4) or 16
 * (IPv6) bytes in network order, local port 0 means any.
 *
 * @param remoteAddress 4 or 16 bytes
 * @param localPort     0..65535 (0 = any)
 * @param remotePort    1..65535
 */
public record IpAddress(Bytes remoteAddress, int localPort, int remotePort) implements Address {
    public IpAddress {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        if (remoteAddress.length() != 4 && remoteAddress.length() != 16) {
            throw new IllegalArgumentException("IP address must be 4 or 16 bytes");
        }
        if (localPort < 0 || localPort > 65535) {
            throw new IllegalArgumentException("local port out of range: " + localPort);
        }
        if (remotePort < 1 || remotePort > 65535) {
            throw new IllegalArgumentException("remote port out of range: " + remotePort);
        }
    }

    public static IpAddress of(InetAddress remote, int localPort, int remotePort) {
        return new IpAddress(Bytes.of(remote.getAddress()), localPort, remotePort);
    }

    public InetAddress inetAddress() {
        try {
            return InetAddress.getByAddress(remoteAddress.toByteArray());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("length checked in constructor", e);
        }
    }

    @Override
    public AddressType type() {
        return AddressType.IP;
    }
}
