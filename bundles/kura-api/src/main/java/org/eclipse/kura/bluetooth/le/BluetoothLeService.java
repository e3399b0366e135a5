package org.eclipse.kura.bluetooth.le;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Entry point to the gateway's Bluetooth LE adapters (Kura service PID {@code org.eclipse.kura.bluetooth.le.BluetoothLeService}). */
@ProviderType
public interface BluetoothLeService {

    /** @return every adapter the gateway has */
    List<BluetoothLeAdapter> getAdapters();

    /**
     * @param interfaceName the adapter's interface name, such as {@code "hci0"}
     * @return the adapter, or null if there is no adapter of that name
     */
    BluetoothLeAdapter getAdapter(String interfaceName);
}
