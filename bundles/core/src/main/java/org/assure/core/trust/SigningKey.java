package org.assure.core.trust;

import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.assure.core.cbor.SigningInputs;
import org.assure.core.crypto.EcSignatureValue;
import org.assure.core.crypto.Keys;
import org.assure.core.crypto.Signatures;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.EcSignature;
import org.assure.core.model.HmacSignature;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.RsaSignature;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SignatureDefinition;
import org.assure.core.model.SignatureFormat;

/**
 * A key that makes aSSURE signatures (draft §7.3, PROFILE §3): an EC or RSA private key, or a shared/derived
 * secret for HMAC. {@link #toString()} shows only the key id.
 */
public final class SigningKey {
    private final UUID keyId;
    private final PrivateKey privateKey;
    private final SecretBytes secret;
    private final SignatureFormat format;

    private SigningKey(UUID keyId, PrivateKey privateKey, SecretBytes secret, SignatureFormat format) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.privateKey = privateKey;
        this.secret = secret;
        this.format = format;
    }

    /** An EC or RSA private key, with the default format for it (ECDSA with the curve's hash, or RSA SHA-256). */
    public static SigningKey of(UUID keyId, PrivateKey privateKey) {
        return of(keyId, privateKey, defaultFormat(privateKey));
    }

    /**
     * @throws IllegalArgumentException if {@code format} does not fit the key
     */
    public static SigningKey of(UUID keyId, PrivateKey privateKey, SignatureFormat format) {
        KeyFormat keyFormat = Keys.format(privateKey);
        SignatureFormat.Kind expected = keyFormat == KeyFormat.EC ? SignatureFormat.Kind.EC : SignatureFormat.Kind.RSA;
        if (format.kind() != expected) {
            throw new IllegalArgumentException(format.label() + " does not fit a " + keyFormat.label() + " key");
        }
        return new SigningKey(keyId, privateKey, SecretBytes.EMPTY, format);
    }

    /** A shared or derived secret, signing with HMAC-SHA-256. */
    public static SigningKey ofSecret(UUID keyId, SecretBytes secret) {
        return ofSecret(keyId, secret, SignatureFormat.HMAC_SHA256);
    }

    public static SigningKey ofSecret(UUID keyId, SecretBytes secret, SignatureFormat format) {
        if (format.kind() != SignatureFormat.Kind.HMAC) {
            throw new IllegalArgumentException(format.label() + " is not an HMAC format");
        }
        return new SigningKey(keyId, null, Objects.requireNonNull(secret, "secret"), format);
    }

    /** The signing key of a trusted key that holds its private part or secret. */
    public static SigningKey of(TrustedKey key) {
        if (key.privateKey().isPresent()) {
            return of(key.keyId(), key.privateKey().get());
        }
        return ofSecret(key.keyId(), key.secret()
                .orElseThrow(() -> new IllegalArgumentException("no private key or secret for " + key.keyId())));
    }

    private static SignatureFormat defaultFormat(PrivateKey key) {
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            return bits <= 256 ? SignatureFormat.ECDSA_SHA256 : bits <= 384 ? SignatureFormat.ECDSA_SHA384
                    : SignatureFormat.ECDSA_SHA512;
        }
        return SignatureFormat.RSA_SHA256;
    }

    public UUID keyId() {
        return keyId;
    }

    public SignatureFormat format() {
        return format;
    }

    /** The signature fields with empty values, as they go into a signing input. */
    public SignatureDefinition unsignedSignature(Validity validity) {
        return switch (format.kind()) {
            case EC -> new EcSignature(format, validity.createdAt(), validity.validUntil(), keyId, Bytes.EMPTY, Bytes.EMPTY);
            case RSA -> new RsaSignature(format, validity.createdAt(), validity.validUntil(), keyId, Bytes.EMPTY);
            case HMAC -> new HmacSignature(format, validity.createdAt(), validity.validUntil(), keyId, Bytes.EMPTY);
        };
    }

    /** Fills the value fields of {@code unsigned} with a signature over {@code input}. */
    public SignatureDefinition sign(SignatureDefinition unsigned, byte[] input) {
        if (!unsigned.keyId().equals(keyId) || unsigned.format() != format) {
            throw new IllegalArgumentException("signature template is for another key or format");
        }
        return switch (format.kind()) {
            case EC -> {
                EcSignatureValue value = Signatures.signEc(format, privateKey, input);
                yield new EcSignature(format, unsigned.createdAt(), unsigned.validUntil(), keyId, value.r(), value.s());
            }
            case RSA -> new RsaSignature(format, unsigned.createdAt(), unsigned.validUntil(), keyId,
                    Signatures.signRsa(format, privateKey, input));
            case HMAC -> new HmacSignature(format, unsigned.createdAt(), unsigned.validUntil(), keyId,
                    Signatures.hmac(format, secret, input));
        };
    }

    /**
     * Signs a structure: builds it around the unsigned signature, computes its signing input, signs, and
     * rebuilds it with the signature.
     */
    public <T> T signStructure(Validity validity, Function<SignatureDefinition, T> build, Function<T, byte[]> signingInput) {
        SignatureDefinition unsigned = unsignedSignature(validity);
        T draft = build.apply(unsigned);
        return build.apply(sign(unsigned, signingInput.apply(draft)));
    }

    /** An authenticated key for {@code key}, signed by this key (draft §7.4). */
    public AuthenticatedKey authenticate(IdentityClass identityClass, KeyDefinition key, KeyMetadata metadata,
            Validity validity) {
        return signStructure(validity, sig -> new AuthenticatedKey(identityClass, key, metadata, sig),
                SigningInputs::authenticatedKey);
    }

    /** Owner information for {@code device}, signed by this key with the device binding of PROFILE §3. */
    public OwnerInformation ownerInformation(UUID device, long sequence, Validity validity) {
        return signStructure(validity, sig -> new OwnerInformation(sequence, sig),
                owner -> SigningInputs.ownerInformation(device, owner));
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + ", " + format.label() + "]";
    }
}
