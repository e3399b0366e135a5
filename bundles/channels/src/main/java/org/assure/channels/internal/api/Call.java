package org.assure.channels.internal.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.assure.channels.ChannelManager;
import org.assure.channels.ManagementRequest;
import org.assure.keystore.KeyOperations;

/**
 * One request being handled: the request, the ids parsed from its path, and where reads and changes go.
 *
 * @param request   the request
 * @param keyId     the key UUID from {@code /v1/keys/<uuid>}
 * @param channelId the channel id from {@code /v1/channels/<id>...}
 * @param keys      the keystore or a bootstrap's keystore transaction
 * @param channels  the channel manager or a bootstrap's staging
 * @param manager   the channel manager (for key-in-use checks)
 * @param system    system actions and device information
 * @param maxPing   the most payload bytes ping echoes
 */
record Call(ManagementRequest request, Optional<UUID> keyId, OptionalLong channelId, KeyOperations keys,
        ChannelOps channels, ChannelManager manager, SystemControl system, int maxPing) {
    Call {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(system, "system");
    }

    UUID key() {
        return keyId.orElseThrow();
    }

    long channel() {
        return channelId.orElseThrow();
    }

    /** The CBOR payload, after checking the Content-Format (4.15) and that there is one (4.00). */
    byte[] cborPayload() throws ApiException {
        if (request.contentFormat().isEmpty() || request.contentFormat().getAsInt() != ManagementRequest.CBOR) {
            throw new ApiException(org.assure.channels.ManagementStatus.UNSUPPORTED_CONTENT_FORMAT,
                    StatusMapping.diagnostic(org.assure.channels.ManagementStatus.UNSUPPORTED_CONTENT_FORMAT));
        }
        if (request.payload().isEmpty()) {
            throw ApiException.badRequest();
        }
        return request.payload().toByteArray();
    }

    /** Checks that a request the draft defines without payload has none. */
    void expectNoPayload() throws ApiException {
        if (!request.payload().isEmpty()) {
            throw ApiException.badRequest();
        }
    }
}
