package org.assure.core.model;

import java.util.List;

/**
 * The decrypted bootstrap payload, draft §15.5.4: an array of byte strings, each one CoAP request in the
 * RFC 7252 UDP encoding, replayed in order to the local Device Management API.
 *
 * @param coapMessages the messages, at most {@link #MAX_MESSAGES}, each 1..{@link #MAX_MESSAGE_LENGTH} bytes
 */
public record BootstrapPayload(List<Bytes> coapMessages) {
    /** Most messages one payload may carry (docs/PROFILE-ADDITIONS.md §4). */
    public static final int MAX_MESSAGES = 1024;
    /** Longest single message (PROFILE §1: byte strings up to 64 KiB). */
    public static final int MAX_MESSAGE_LENGTH = 64 * 1024;

    public BootstrapPayload {
        coapMessages = List.copyOf(coapMessages);
        if (coapMessages.size() > MAX_MESSAGES) {
            throw new IllegalArgumentException("more than " + MAX_MESSAGES + " CoAP messages in bootstrap payload");
        }
        for (Bytes message : coapMessages) {
            if (message.isEmpty() || message.length() > MAX_MESSAGE_LENGTH) {
                throw new IllegalArgumentException("CoAP message in bootstrap payload must be 1.." + MAX_MESSAGE_LENGTH
                        + " bytes");
            }
        }
    }

    /** Sizes only: the messages may carry private keys. */
    @Override
    public String toString() {
        return "BootstrapPayload[" + coapMessages.size() + " CoAP messages]";
    }
}
