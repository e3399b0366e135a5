package org.assure.core.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Objects;

import org.assure.core.crypto.internal.BouncyCastle;
import org.assure.core.crypto.internal.EcDomain;
import org.assure.core.crypto.internal.KeyCodec;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.SecretBytes;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/** Fresh key pairs (draft §10.1.2 key types) and random secrets. */
public final class KeyGeneration {
    /** Upper bound for {@link #randomSecret}: the draft's byte strings are limited to 64 KiB (PROFILE §1). */
    public static final int MAX_SECRET_LENGTH = 65_536;

    private KeyGeneration() {
    }

    /**
     * Generates a key pair: RSA-2048 with public exponent 65537, or an EC pair on P-256, P-384 or P-521. The keys
     * are those {@link Keys#publicKey} and {@link Keys#privateKey} would return for their encodings.
     */
    public static KeyPair generate(GenerateKeyType type, SecureRandom random) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(random, "random");
        return type == GenerateKeyType.RSA_2048 ? generateRsa(random) : generateEc(EcCurve.of(type), random);
    }

    /**
     * {@code length} random bytes from {@code random}.
     *
     * @throws IllegalArgumentException unless 1 &lt;= length &lt;= {@link #MAX_SECRET_LENGTH}
     */
    public static SecretBytes randomSecret(int length, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        if (length < 1 || length > MAX_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret length out of range: " + length);
        }
        byte[] secret = new byte[length];
        random.nextBytes(secret);
        return SecretBytes.wrap(secret);
    }

    private static KeyPair generateRsa(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BouncyCastle.provider());
            generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    private static KeyPair generateEc(EcCurve curve, SecureRandom random) {
        EcDomain domain = EcDomain.of(curve);
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain.parameters(), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
        byte[] q = ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
        // Going through the canonical encodings gives keys identical to parsed ones (same provider classes,
        // named-curve parameters), so nothing downstream can tell a generated key from an imported one.
        try {
            PublicKey publicKey = Keys.publicKey(KeyFormat.EC, Bytes.of(KeyCodec.ecSpki(domain, q)));
            PrivateKey privateKey = Keys.privateKey(KeyFormat.EC, SecretBytes.wrap(KeyCodec.ecPkcs8(domain, d, q)));
            return new KeyPair(publicKey, privateKey);
        } catch (CryptoException e) {
            throw new IllegalStateException("generated EC key rejected", e);
        }
    }

}
