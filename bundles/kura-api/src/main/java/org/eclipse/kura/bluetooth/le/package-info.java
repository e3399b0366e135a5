/**
 * Kura's Bluetooth LE API, exported by Kura's API bundle at version 1.3.0 (unchanged from Kura 5.0 to 6.0; in Kura
 * 6 the implementation is the separately installed kura-bluetooth add-on).
 * <p>
 * Stand-in subset: the types and methods needed to scan for devices. Kura's interfaces have more methods
 * (connecting, pairing, GATT, adapter power); a component built against this subset can only call what is here,
 * which Kura's implementation provides too.
 */
@Export
@Version("1.3.0")
package org.eclipse.kura.bluetooth.le;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
