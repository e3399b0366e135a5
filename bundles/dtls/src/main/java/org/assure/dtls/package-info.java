/**
 * A DTLS 1.2 channel engine for aSSURE (draft §8, PROFILE §6): an event-driven DTLS 1.2 of its own (BouncyCastle's
 * lightweight and the JDK's crypto primitives) with Peer Name
 * Indication, aSSURE PSK identity hints, raw public keys (RFC 7250) and the DICE profile, running over any
 * {@link org.assure.core.transport.ChannelTransport} (UDP here, BACnet and BLE elsewhere).
 *
 * <p>Start with {@link org.assure.dtls.DtlsEngine#builder}. Credentials come from a {@link
 * org.assure.dtls.DtlsServerCredentials} callback (server side) and a {@link org.assure.dtls.ClientCredentials}
 * value per connection (client side); {@link org.assure.dtls.InMemoryCredentials} implements both for tests and
 * the authority. See {@code API.md} in this bundle's sources for threading and events.
 */
@Export
@Version("1.4.0")
package org.assure.dtls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
