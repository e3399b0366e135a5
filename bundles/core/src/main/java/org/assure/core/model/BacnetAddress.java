package org.assure.core.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A BACnet address, draft §12.1: {@code [0, net or null, addr]}. An absent network number means a local
 * address (no DNET in the NPDU).
 *
 * @param network BACnet network number 1..65534, or empty for the local network
 * @param mac     the MAC-layer address (1..18 bytes; 6 for BACnet/IP)
 */
public record BacnetAddress(OptionalInt network, Bytes mac) implements Address {
    /** Longest MAC address BACnet allows in an NPDU (DLEN is one octet, practical data links use up to 18). */
    public static final int MAX_MAC_LENGTH = 18;

    public BacnetAddress {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(mac, "mac");
        if (network.isPresent() && (network.getAsInt() < 1 || network.getAsInt() > 65534)) {
            throw new IllegalArgumentException("BACnet network number out of range: " + network.getAsInt());
        }
        if (mac.isEmpty() || mac.length() > MAX_MAC_LENGTH) {
            throw new IllegalArgumentException("BACnet address must be 1.." + MAX_MAC_LENGTH + " bytes");
        }
    }

    public static BacnetAddress local(Bytes mac) {
        return new BacnetAddress(OptionalInt.empty(), mac);
    }

    @Override
    public AddressType type() {
        return AddressType.BACNET;
    }
}
