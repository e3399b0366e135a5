package org.eclipse.kura.bluetooth.le;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.eclipse.kura.KuraBluetoothDiscoveryException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One Bluetooth LE adapter of the gateway. Timeouts are in <b>seconds</b>. On the returned futures,
 * {@code get(timeout, unit)} waits like {@code get()}: the scan always runs for its full timeout.
 * <p>
 * Kura's BlueZ implementation: discovery reports devices known to BlueZ, cached ones included; addresses are
 * colon-separated upper-case hex (not confirmed as a contract).
 */
@ProviderType
public interface BluetoothLeAdapter {

    /** @return the adapter's address */
    String getAddress();

    /** @return the adapter's name */
    String getName();

    /** @return the adapter's interface name, such as {@code "hci0"} */
    String getInterfaceName();

    /** @return whether a discovery is running on this adapter */
    boolean isDiscovering();

    /**
     * Discovers for {@code timeout} seconds. Kura's implementation then returns every device BlueZ knows, cached
     * ones included, or <b>null</b> when there are none, and fails if a discovery is already running.
     */
    Future<List<BluetoothLeDevice>> findDevices(long timeout);

    /** Like {@link #findDevices(long)}, handing the result to {@code consumer} instead of a future. */
    void findDevices(long timeout, Consumer<List<BluetoothLeDevice>> consumer);

    /** Discovers until a device with exactly this address is seen or {@code timeout} seconds pass. */
    Future<BluetoothLeDevice> findDeviceByAddress(long timeout, String address);

    /** Discovers until a device with this name is seen or {@code timeout} seconds pass. */
    Future<BluetoothLeDevice> findDeviceByName(long timeout, String name);

    /** @throws KuraBluetoothDiscoveryException if discovery cannot be started */
    void startDiscovery() throws KuraBluetoothDiscoveryException;

    /** @throws KuraBluetoothDiscoveryException if discovery cannot be stopped */
    void stopDiscovery() throws KuraBluetoothDiscoveryException;

    /**
     * Restricts the following discoveries.
     *
     * @param uuids report only devices advertising one of these service UUIDs
     * @param rssi minimum signal strength
     * @param pathloss maximum path loss
     * @param transportType the radio transport to scan
     * @param duplicateData whether repeated advertisements of the same device are reported
     */
    void setDiscoveryFilter(List<UUID> uuids, int rssi, int pathloss, BluetoothTransportType transportType,
            boolean duplicateData);

    /** @deprecated use the overload with {@code duplicateData}. */
    @Deprecated
    void setDiscoveryFilter(List<UUID> uuids, int rssi, int pathloss, BluetoothTransportType transportType);

    /** @param rssi minimum signal strength of the devices reported; 0 clears this filter */
    void setRssiDiscoveryFilter(int rssi);
}
