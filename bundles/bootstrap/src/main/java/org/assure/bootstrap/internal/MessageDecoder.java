package org.assure.bootstrap.internal;

import org.assure.core.model.Bytes;

/** Decodes one CoAP message of a bootstrap payload (RFC 7252 UDP encoding) into a request. */
public interface MessageDecoder {
    /**
     * @throws IllegalArgumentException if the bytes are not a well-formed CoAP request with a Device Management
     *                                  API method
     */
    ReplayRequest decode(Bytes message);
}
