package org.assure.core.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.assure.core.error.ErrorKind;
import org.assure.core.model.Bytes;
import org.assure.core.model.SecretBytes;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Derived secrets whose reference key is a shared secret (draft §7.2, PROFILE §4):
 * {@code secret = PBKDF2-HMAC-SHA256(password = reference secret bytes, salt, iterations,
 * dkLen = len(encrypted_secret)) XOR encrypted_secret}. The same construction derives the content key of a
 * shared-secret bootstrap payload (§15.5.3).
 *
 * <p>The password is binary, so PBKDF2 runs on bytes (not on {@code char[]}, which would re-encode them).
 */
public final class SecretDerivation {
    /** Iterations written by default (PROFILE §4). */
    public static final int DEFAULT_ITERATIONS = 4096;
    /** Smallest iteration count accepted. */
    public static final long MIN_ITERATIONS = 1;
    /** Largest iteration count accepted (PROFILE §4): bounds the work a peer can make a device do. */
    public static final long MAX_ITERATIONS = 10_000_000;
    /** Shortest secret (PROFILE §4). */
    public static final int MIN_SECRET_LENGTH = 16;
    /**
     * Longest secret: content keys are at most 32 bytes and HMAC keys gain nothing beyond a SHA-512 block, while each
     * further 32 bytes repeats all iterations. (Profile decision; PROFILE §4 sets only the minimum.)
     */
    public static final int MAX_SECRET_LENGTH = 64;

    private SecretDerivation() {
    }

    /**
     * Recovers the secret of one derivation.
     *
     * @param referenceSecret the reference key's shared secret (not empty)
     * @throws CryptoException MALFORMED if {@code iterations} is outside 1..10,000,000 or {@code encryptedSecret} is
     *                         shorter than 16 or longer than 64 bytes
     * @throws IllegalArgumentException if {@code referenceSecret} is empty
     */
    public static SecretBytes derive(SecretBytes referenceSecret, Bytes salt, long iterations, Bytes encryptedSecret)
            throws CryptoException {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(encryptedSecret, "encryptedSecret");
        checkIterations(iterations);
        if (encryptedSecret.length() < MIN_SECRET_LENGTH || encryptedSecret.length() > MAX_SECRET_LENGTH) {
            throw CryptoException.malformed("encrypted secret length out of range");
        }
        byte[] secret = encryptedSecret.toByteArray();
        xorWithStream(referenceSecret, salt, (int) iterations, secret);
        return SecretBytes.wrap(secret);
    }

    /**
     * Writes a derivation: the {@code encrypted_secret} from which {@link #derive} recovers {@code secret}.
     *
     * @throws CryptoException MALFORMED if {@code iterations} is outside 1..10,000,000
     * @throws IllegalArgumentException if {@code referenceSecret} is empty or {@code secret} is shorter than 16 or
     *                                  longer than 64 bytes
     */
    public static Bytes conceal(SecretBytes referenceSecret, Bytes salt, long iterations, SecretBytes secret)
            throws CryptoException {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(secret, "secret");
        checkIterations(iterations);
        if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret length out of range");
        }
        byte[] buffer = secret.toByteArray();
        try {
            xorWithStream(referenceSecret, salt, (int) iterations, buffer);
            return Bytes.of(buffer);
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    /**
     * PBKDF2-HMAC-SHA256 of a passphrase typed by a person, as its UTF-8 bytes. The passphrase goes through a
     * CharBuffer, not a String, and every byte copy is wiped, so that no immutable copy of it stays behind.
     *
     * @throws IllegalArgumentException if {@code iterations} or {@code length} is below 1
     */
    public static byte[] pbkdf2Sha256(char[] passphrase, byte[] salt, int iterations, int length) {
        Objects.requireNonNull(passphrase, "passphrase");
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] password = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            return pbkdf2Sha256(password, salt, iterations, length);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /**
     * Plain PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) on a binary password.
     *
     * @throws IllegalArgumentException if {@code iterations} or {@code length} is below 1
     */
    public static byte[] pbkdf2Sha256(byte[] password, byte[] salt, int iterations, int length) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        if (iterations < 1 || length < 1) {
            throw new IllegalArgumentException("iterations and length must be positive");
        }
        if (password.length == 0) {
            // The JDK's HMAC refuses an empty key; BouncyCastle's generator takes it.
            return pbkdf2WithBouncyCastle(password, salt, iterations, length);
        }
        // The JDK's HmacSHA256 uses the CPU's SHA instructions where present: about 3x BouncyCastle's plain-Java
        // digest, which matters because PBKDF2 dominates shared-secret bootstraps. SecretKeySpec takes the raw
        // bytes, so the password stays binary as PROFILE §4 requires.
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password, "HmacSHA256"));
            int blockLength = mac.getMacLength();
            byte[] out = new byte[length];
            byte[] u = new byte[blockLength];
            byte[] t = new byte[blockLength];
            for (int block = 1, offset = 0; offset < length; block++, offset += blockLength) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                mac.doFinal(u, 0);
                System.arraycopy(u, 0, t, 0, blockLength);
                for (int i = 1; i < iterations; i++) {
                    mac.update(u);
                    mac.doFinal(u, 0);
                    for (int j = 0; j < blockLength; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, offset, Math.min(blockLength, length - offset));
            }
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    private static byte[] pbkdf2WithBouncyCastle(byte[] password, byte[] salt, int iterations, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        // The generator keeps a reference to the password, so it gets a copy that is cleared afterwards.
        byte[] passwordCopy = password.clone();
        try {
            generator.init(passwordCopy, salt.clone(), iterations);
            KeyParameter derived = (KeyParameter) generator.generateDerivedParameters(Math.multiplyExact(length, 8));
            byte[] out = derived.getKey().clone();
            Arrays.fill(derived.getKey(), (byte) 0);
            return out;
        } finally {
            Arrays.fill(passwordCopy, (byte) 0);
        }
    }

    private static void xorWithStream(SecretBytes referenceSecret, Bytes salt, int iterations, byte[] buffer) {
        Objects.requireNonNull(referenceSecret, "referenceSecret");
        if (referenceSecret.isEmpty()) {
            throw new IllegalArgumentException("reference secret is empty");
        }
        byte[] password = referenceSecret.toByteArray();
        byte[] stream = null;
        try {
            stream = pbkdf2Sha256(password, salt.toByteArray(), iterations, buffer.length);
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] ^= stream[i];
            }
        } finally {
            Arrays.fill(password, (byte) 0);
            if (stream != null) {
                Arrays.fill(stream, (byte) 0);
            }
        }
    }

    private static void checkIterations(long iterations) throws CryptoException {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new CryptoException(ErrorKind.MALFORMED, "iteration count out of range");
        }
    }
}
