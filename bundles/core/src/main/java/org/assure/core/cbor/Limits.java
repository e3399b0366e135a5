package org.assure.core.cbor;

import org.assure.core.model.BootstrapImage;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ChannelStatus;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.SimpleTimestamp;

/** Size limits the codecs enforce beyond {@link CborReader}'s own (PROFILE §1). */
final class Limits {
    /** DER SubjectPublicKeyInfo of the largest key we accept (RSA 16384 bits with room). */
    static final int PUBLIC_KEY = 4096;
    /** DER PKCS#8 of the largest key we accept. */
    static final int PRIVATE_KEY = 16384;
    /** Derivations in one derived-secret key. */
    static final int DERIVATIONS = DerivedSecretKey.MAX_DERIVATIONS;
    /** PBKDF2 salt. */
    static final int SALT = 1024;
    /** ECDSA r or s (P-521: 66 bytes). */
    static final int EC_VALUE = 66;
    /** RSA signature (up to 16384-bit moduli). */
    static final int RSA_VALUE = 2048;
    /** HMAC-SHA-512 output. */
    static final int HMAC_VALUE = 64;
    /** Simple timestamps: the draft's signed 32-bit range, extended to unsigned. */
    static final long TIMESTAMP = SimpleTimestamp.MAX_SECONDS;
    /** Authenticated keys in one bootstrap image. */
    static final int IMAGE_KEYS = BootstrapImage.MAX_KEYS;
    /** Metadata entries in an authenticated key. */
    static final int METADATA_ENTRIES = 8;
    /** Channel ids (PROFILE-ADDITIONS §4). */
    static final long CHANNEL_ID = ChannelStatus.MAX_CHANNEL_ID;
    /** CoAP messages in a bootstrap payload. */
    static final int PAYLOAD_MESSAGES = BootstrapPayload.MAX_MESSAGES;
    /** One CoAP message in a bootstrap payload. */
    static final int PAYLOAD_MESSAGE = BootstrapPayload.MAX_MESSAGE_LENGTH;
    /** Channel flags, defined and additional. */
    static final int CHANNEL_FLAGS = ChannelFlags.MAX_FLAGS;
    /** Extra integers after a channel's state. */
    static final int CHANNEL_STATUS_EXTRA = ChannelStatus.MAX_ADDITIONAL;
    /** Channels in a GET /v1/channels answer and keys in a GET /v1/keys answer. */
    static final int LIST_ENTRIES = 1024;
    /** Cipher IV or nonce (CBC 16 bytes; CCM and GCM 12). */
    static final int CIPHER_IV = 16;
    /** Authentication tag (16 bytes for CCM and GCM, empty for CBC). */
    static final int CIPHER_TAG = 16;
    /** Encrypted content key of a shared-secret payload (AES-256). */
    static final int CONTENT_KEY = 32;

    private Limits() {
    }
}
