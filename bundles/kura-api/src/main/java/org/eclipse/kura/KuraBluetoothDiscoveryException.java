package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Thrown when Bluetooth LE discovery cannot be started or stopped; always carries
 * {@link KuraErrorCode#BLE_DISCOVERY_ERROR}.
 */
@ProviderType
public class KuraBluetoothDiscoveryException extends KuraException {

    /** @param argument describes the failure; may be null */
    public KuraBluetoothDiscoveryException(Object argument) {
        super(KuraErrorCode.BLE_DISCOVERY_ERROR, argument);
    }

    /**
     * @param cause the underlying failure; may be null
     * @param argument describes the failure; may be null
     */
    public KuraBluetoothDiscoveryException(Throwable cause, Object argument) {
        super(KuraErrorCode.BLE_DISCOVERY_ERROR, cause, argument);
    }
}
