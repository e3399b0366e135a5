package org.assure.cli.internal;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.Bytes;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.EcSignature;
import org.assure.core.model.HmacSignature;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SignatureFormat;
import org.assure.core.model.SimpleTimestamp;

/** Structures of the draft with fixed, recognisable contents for golden outputs. Signatures are not real. */
final class Structures {
    static final UUID KEY = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    static final UUID SIGNER = UUID.fromString("ffeeddcc-bbaa-9988-7766-554433221100");
    static final UUID DEVICE = UUID.fromString("d0d0d0d0-0000-4000-8000-000000000001");

    private Structures() {
    }

    static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static EcSignature ecSignature(UUID signer) {
        return new EcSignature(SignatureFormat.ECDSA_SHA256, new SimpleTimestamp(504921600), SimpleTimestamp.NONE, signer,
                Bytes.of(filled(32, 0x11)), Bytes.of(filled(32, 0x22)));
    }

    /** A Channel key with a fake 91-byte public key and a 138-byte private key of 0x5e bytes. */
    static AuthenticatedKey channelKey() {
        return new AuthenticatedKey(IdentityClass.CHANNEL,
                new EcKey(KEY, Bytes.of(counting(91)), SecretBytes.of(filled(138, 0x5e))),
                KeyMetadata.ownedBy(DEVICE), ecSignature(SIGNER));
    }

    /** An authenticated key holding the real key pair {@code pair}, public and private. */
    static AuthenticatedKey withKeyPair(KeyPair pair) {
        return new AuthenticatedKey(IdentityClass.MANAGEMENT_SYSTEM,
                new EcKey(KEY, Keys.encodePublic(pair.getPublic()), Keys.encodePrivate(pair.getPrivate())),
                KeyMetadata.NONE, ecSignature(SIGNER));
    }

    static AuthenticatedKey derivedKey() {
        return new AuthenticatedKey(IdentityClass.MANAGEMENT_SYSTEM,
                new DerivedSecretKey(KEY, List.of(new Derivation(DEVICE, Bytes.of(counting(8)), 4096, Bytes.of(filled(16, 0xaa))))),
                KeyMetadata.NONE,
                new HmacSignature(SignatureFormat.HMAC_SHA256, SimpleTimestamp.NONE, SimpleTimestamp.NONE, DEVICE, Bytes.of(filled(32, 0x33))));
    }

    /** An image whose header keys are public only: private keys travel only inside the encrypted payload. */
    static BootstrapImage image() {
        OwnerInformation owner = new OwnerInformation(3, ecSignature(DEVICE));
        AuthenticatedKey channel = channelKey();
        AuthenticatedKey publicChannel = new AuthenticatedKey(channel.identityClass(), ((EcKey) channel.key()).publicOnly(),
                channel.metadata(), channel.signature());
        return new BootstrapImage(List.of(derivedKey(), publicChannel), owner, DEVICE, Bytes.of(counting(100)), ecSignature(KEY));
    }
}
