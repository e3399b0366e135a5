/**
 * CoAP over the aSSURE DTLS engine: a Californium 3 {@link org.eclipse.californium.elements.Connector} ({@link
 * org.assure.dtls.coap.DtlsCoapConnector}) so that a Californium {@code CoapEndpoint} (server and client) runs over
 * {@link org.assure.dtls.DtlsEngine}, and the {@link java.security.Principal} ({@link
 * org.assure.dtls.coap.AssurePeerPrincipal}) through which a CoAP resource sees the authenticated peer.
 */
@Export
@Version("1.0.0")
package org.assure.dtls.coap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
