package org.assure.core.cbor;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.PskHint;
import org.assure.core.model.PskHint.KeyChainHint;
import org.assure.core.model.PskHint.KeyDefinitionHint;
import org.assure.core.model.PskHint.KeyIdHint;

/**
 * PSK identity hints and PSK identities, draft §8.4 and §15.3, PROFILE §6. A hint is base64 text (RFC 4648 §4,
 * with padding) of CBOR that is one of: a byte string (the UUID of a key both sides hold), a key definition (an
 * array whose first item is an integer), or an array of key definitions (the bootstrap server's chain). Key
 * definitions in hints must be derived secrets. A PSK identity is base64 text of the CBOR byte string of the
 * UUID of the key used.
 */
public final class PskHintCodec {
    /** Longest hint or identity text: the TLS length field is 16 bits (RFC 4279 §2). */
    public static final int MAX_TEXT_LENGTH = 65535;

    private PskHintCodec() {
    }

    // ---- hint -------------------------------------------------------------------------------------------

    /** Base64 text of the hint's CBOR, for the ServerKeyExchange. */
    public static String toText(PskHint hint) {
        return Base64.getEncoder().encodeToString(encode(hint));
    }

    /**
     * @throws CborDecodeException if {@code text} is not canonical base64 of exactly one valid hint, or longer
     *                             than {@value #MAX_TEXT_LENGTH} characters
     */
    public static PskHint fromText(String text) throws CborDecodeException {
        return decode(base64(text, "psk_identity_hint"));
    }

    public static byte[] encode(PskHint hint) {
        return CborWriter.encode(w -> write(w, hint));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid hint
     */
    public static PskHint decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        PskHint hint = read(reader, "psk_identity_hint");
        reader.expectEnd();
        return hint;
    }

    public static void write(CborWriter w, PskHint hint) {
        if (hint instanceof KeyIdHint id) {
            w.uuid(id.keyId());
        } else if (hint instanceof KeyDefinitionHint definition) {
            KeyDefinitionCodec.write(w, definition.key());
        } else {
            List<DerivedSecretKey> keys = ((KeyChainHint) hint).keys();
            w.startArray(keys.size());
            for (DerivedSecretKey key : keys) {
                KeyDefinitionCodec.write(w, key);
            }
            w.endArray();
        }
    }

    public static PskHint read(CborReader r, String field) throws CborDecodeException {
        CborType type = r.peekType(field);
        if (type == CborType.BYTES) {
            return new KeyIdHint(r.readUuid(field));
        }
        if (type != CborType.ARRAY) {
            throw r.error(field, "expected a key UUID, a key definition or an array of key definitions");
        }
        CborType first = r.peekFirstItemType(field);
        if (first.isInteger()) {
            return new KeyDefinitionHint(derived(r, field, KeyDefinitionCodec.read(r, field)));
        }
        if (first != CborType.ARRAY) {
            throw r.error(field + "[0]", "expected a content type or a key definition");
        }
        int count = r.readArrayStart(field, 1, KeyChainHint.MAX_KEYS);
        List<DerivedSecretKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String item = "[" + i + "]";
            keys.add(derived(r, item, KeyDefinitionCodec.read(r, item)));
        }
        r.endArray();
        return Codecs.construct(r, field, () -> new KeyChainHint(keys));
    }

    private static DerivedSecretKey derived(CborReader r, String field, KeyDefinition key) throws CborDecodeException {
        if (key instanceof DerivedSecretKey derived) {
            return derived;
        }
        throw r.error(field, "a PSK hint carries only derived secrets, got an " + key.format().label() + " key");
    }

    // ---- identity ---------------------------------------------------------------------------------------

    /** Base64 text of the identity's CBOR, for the ClientKeyExchange. */
    public static String identityToText(UUID keyId) {
        return Base64.getEncoder().encodeToString(encodeIdentity(keyId));
    }

    /**
     * @throws CborDecodeException if {@code text} is not canonical base64 of exactly one 16-byte byte string
     */
    public static UUID identityFromText(String text) throws CborDecodeException {
        return decodeIdentity(base64(text, "psk_identity"));
    }

    /** The CBOR byte string of the key UUID. */
    public static byte[] encodeIdentity(UUID keyId) {
        return CborWriter.encode(w -> w.uuid(keyId));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one 16-byte byte string
     */
    public static UUID decodeIdentity(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        UUID keyId = reader.readUuid("psk_identity");
        reader.expectEnd();
        return keyId;
    }

    /** Strict base64: standard alphabet, padding required, no line breaks, zero unused bits. */
    private static byte[] base64(String text, String field) throws CborDecodeException {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new CborDecodeException(field, "longer than " + MAX_TEXT_LENGTH + " characters");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CborDecodeException(field, "invalid base64");
        }
        // The JDK decoder accepts missing padding and non-zero unused bits; a canonical text re-encodes exactly.
        if (!Base64.getEncoder().encodeToString(data).equals(text)) {
            throw new CborDecodeException(field, "non-canonical base64");
        }
        return data;
    }
}
