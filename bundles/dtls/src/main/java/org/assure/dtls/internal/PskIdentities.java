package org.assure.dtls.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.PskHintCodec;
import org.assure.core.model.PskHint;

/**
 * PSK identities (base64 of the CBOR byte string of the key UUID, PROFILE §6) remembered both ways: every
 * handshake of a device uses the same identity, and encoding or strictly decoding it through core's CBOR codec
 * (a Jackson parser or generator per call) was a measurable part of a PSK handshake. Only results core's codec
 * produced or accepted are kept, so what is accepted is unchanged; each map is bounded (cleared when full).
 */
final class PskIdentities {
    private static final int MAX_ENTRIES = 4096;
    private static final ConcurrentHashMap<String, UUID> DECODED = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<UUID, String> ENCODED = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<PskHint, byte[]> HINT_TEXTS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, PskHint> HINTS = new ConcurrentHashMap<>();

    private PskIdentities() {
    }

    /** The identity the client sends for {@code keyId}. */
    static byte[] encode(UUID keyId) {
        String text = ENCODED.get(keyId);
        if (text == null) {
            text = PskHintCodec.identityToText(keyId);
            remember(ENCODED, keyId, text);
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The key id an identity names, or empty if it is not an aSSURE identity. */
    static Optional<UUID> decode(byte[] identity) {
        String text = new String(identity, StandardCharsets.US_ASCII);
        UUID keyId = DECODED.get(text);
        if (keyId != null) {
            return Optional.of(keyId);
        }
        try {
            keyId = PskHintCodec.identityFromText(text);
        } catch (CborDecodeException | RuntimeException e) {
            return Optional.empty();
        }
        remember(DECODED, text, keyId);
        return Optional.of(keyId);
    }

    /** The identity hint a server sends: base64 of the hint's CBOR (PROFILE §6), ASCII. */
    static byte[] hintText(PskHint hint) {
        byte[] text = HINT_TEXTS.get(hint);
        if (text == null) {
            text = PskHintCodec.toText(hint).getBytes(StandardCharsets.US_ASCII);
            remember(HINT_TEXTS, hint, text);
        }
        return text.clone();
    }

    /**
     * The hint a server sent, decoded by core's strict codec.
     *
     * @throws CborDecodeException if it is not an aSSURE hint
     */
    static PskHint hint(byte[] text) throws CborDecodeException {
        String string = new String(text, StandardCharsets.US_ASCII);
        PskHint hint = HINTS.get(string);
        if (hint == null) {
            hint = PskHintCodec.fromText(string);
            remember(HINTS, string, hint);
        }
        return hint;
    }

    private static <K, V> void remember(ConcurrentHashMap<K, V> map, K key, V value) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, value);
    }
}
