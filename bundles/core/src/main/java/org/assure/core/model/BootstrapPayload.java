package org.assure.core.model;

import java.util.List;

/**
 * The decrypted bootstrap payload, draft §15.5.4: an array of byte strings, each one CoAP request in the
 * RFC 7252 UDP encoding, replayed in order to the local Device Management API.
 *
 * @param coapMessages the messages, none empty
 */
public record BootstrapPayload(List<Bytes> coapMessages) {
    public BootstrapPayload {
        coapMessages = List.copyOf(coapMessages);
        if (coapMessages.stream().anyMatch(Bytes::isEmpty)) {
            throw new IllegalArgumentException("empty CoAP message in bootstrap payload");
        }
    }

    /** Sizes only: the messages may carry private keys. */
    @Override
    public String toString() {
        return "BootstrapPayload[" + coapMessages.size() + " CoAP messages]";
    }
}
