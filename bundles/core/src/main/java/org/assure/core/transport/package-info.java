/**
 * The transport SPI: how aSSURE channels reach peers over IP, BACnet or Bluetooth (draft §12, PROFILE §7).
 * A transport moves datagrams — DTLS records — between this device and peer {@link org.assure.core.model.Address}es;
 * it knows nothing about DTLS, CoAP or keys. Transports are OSGi services the channel manager tracks
 * dynamically, so a transport bundle can come and go at runtime.
 */
@Export
@Version("1.0.0")
package org.assure.core.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
