package org.assure.core.model;

/**
 * A peer address in a channel configuration, draft §12 and PROFILE §2/§7: an array whose first item is the
 * address type.
 */
public sealed interface Address permits BacnetAddress, IpAddress, BluetoothAddress {
    AddressType type();
}
