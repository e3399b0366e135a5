package org.eclipse.kura.bluetooth.le;

import org.osgi.annotation.versioning.ProviderType;

/** The radio transports a discovery filter can restrict scanning to. */
@ProviderType
public enum BluetoothTransportType {
    /** Let the adapter choose. */
    AUTO,
    /** Bluetooth classic (BR/EDR) only. */
    BREDR,
    /** Bluetooth Low Energy only. */
    LE
}
