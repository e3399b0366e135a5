package org.assure.core.model;

import java.util.Objects;

/**
 * A Bluetooth MAC address, draft §12.3: {@code [2, mac]}; the channel runs over IPSP to the IPv6 link-local
 * address derived from it (PROFILE §7).
 *
 * @param mac 6 bytes
 */
public record BluetoothAddress(Bytes mac) implements Address {
    public BluetoothAddress {
        Objects.requireNonNull(mac, "mac");
        if (mac.length() != 6) {
            throw new IllegalArgumentException("Bluetooth MAC must be 6 bytes");
        }
    }

    @Override
    public AddressType type() {
        return AddressType.BLUETOOTH;
    }
}
