package org.eclipse.kura.bluetooth.le;

import java.util.Map;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A remote Bluetooth LE device seen by an adapter, with the advertisement data needed to pick devices while
 * scanning.
 */
@ProviderType
public interface BluetoothLeDevice {

    /** @return the device's address */
    String getAddress();

    /** @return the advertised name */
    String getName();

    /** @return the advertised service UUIDs */
    UUID[] getUUIDs();

    /** @return advertised service data by service UUID */
    Map<UUID, byte[]> getServiceData();

    /** @return advertised manufacturer data by company identifier */
    Map<Short, byte[]> getManufacturerData();

    /** @return the received signal strength */
    short getRSSI();

    /** @return the advertised transmit power */
    short getTxPower();

    /** @return the adapter that sees the device */
    BluetoothLeAdapter getAdapter();
}
